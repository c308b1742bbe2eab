import { createHash } from "node:crypto";
import type { AssignmentStatus, Priority, PrismaClient, WorkOrderStatus } from "../generated/prisma/client";
import { DEMO_PASSWORD } from "../lib/auth/demo-password";
import { transition, workOrderStatusFor, type TTaskEvent, type TTaskParty } from "../lib/assignments/status-machine";
import { statusLabel } from "../lib/statuses/status-words";
import { SLA_HOURS } from "../lib/work-orders/priorities";
import { setAttentionState } from "./attention-state";
import { createAccreditation, createContractorCompany, createContractorPerson } from "./factories";
import { CONVERSATIONS, JOBS, REQUIRED } from "./seed";

// A large organisation for benchmarks (`npm run seed -- --work-orders 1000000`): seedDemo's
// small world first, with its 600 work orders, then the rest added to the same organisation
// by set-based statements, INSERT … SELECT over generate_series, in chunks so that memory
// and each transaction stay bounded. Every choice is derived from the work order's place in
// the series (a stratified slot for its state, hashint4 for the rest), never from random(),
// so the same count gives the same world.

type TDb = PrismaClient;
type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const CHUNK = 200_000;
const DAY = 86_400;
const SPAN_DAYS = 3 * 365;
// Reasons written on the earlier offers a work order went through.
const DECLINE_REASON = "No capacity in that area this week";
const WITHDRAW_REASON = "Reassigned to another contractor";
const NTE_REASON = "The existing valve is seized: it has to be cut out and replaced.";

// The two contractors the benchmark reads as large Desk accounts, looked up by their
// office's email: each gets this many of the organisation's tasks, the smaller first (so
// a small database still gives it its share).
export const SCALE_COMPANIES = [
  { name: "Harbour Maintenance Co", slug: "harbour", tasks: 10_000 },
  { name: "Summit Building Services", slug: "summit", tasks: 100_000 },
] as const;
export const scaleOfficeEmail = (slug: string) => `office@${slug}.test`;

// What a work order is now, per thousand, as a property manager's three years look from
// today: nearly everything finished and invoiced, a few dozen per thousand still moving.
// `task` is its live assignment's status (none: open or cancelled); `earlier` is the one
// assignment an unassigned work order went through (of the assigned ones, about one in
// six went to another contractor first, who declined or had it withdrawn). When a work
// order was reported follows from its phase: open work is mostly younger than its SLA,
// work on site is from the last days, reviewed work waits a few weeks for its invoice,
// the rest is spread over three years.
type TPhase = "open" | "offer" | "onSite" | "reviewed" | "finished";
type TShape = {
  perMille: number;
  task: AssignmentStatus | null;
  workOrder: WorkOrderStatus;
  earlier?: "DECLINED" | "CANCELLED";
  phase: TPhase;
};
const live = (perMille: number, task: AssignmentStatus, phase: TPhase): TShape => ({
  perMille,
  task,
  workOrder: workOrderStatusFor(task),
  phase,
});
const SHAPES: TShape[] = [
  { perMille: 5, task: null, workOrder: "OPEN", phase: "open" },
  { perMille: 3, task: null, workOrder: "OPEN", earlier: "DECLINED", phase: "open" },
  { perMille: 2, task: null, workOrder: "OPEN", earlier: "CANCELLED", phase: "open" },
  live(5, "OFFERED", "offer"),
  live(4, "ACCEPTED", "open"),
  live(8, "SCHEDULED", "open"),
  live(3, "IN_PROGRESS", "onSite"),
  live(2, "REVISIT", "onSite"),
  live(3, "PERFORMED", "onSite"),
  live(8, "COMPLETED", "onSite"),
  live(17, "REVIEWED", "reviewed"),
  live(910, "INVOICED", "finished"),
  { perMille: 20, task: null, workOrder: "CANCELLED", earlier: "CANCELLED", phase: "finished" },
  { perMille: 10, task: null, workOrder: "CANCELLED", phase: "finished" },
];
if (SHAPES.reduce((sum, shape) => sum + shape.perMille, 0) !== 1000) throw new Error("SHAPES must add up to 1000");

// Per twenty work orders.
const PRIORITY_MIX: [Priority, number][] = [
  ["LOW", 3],
  ["NORMAL", 11],
  ["HIGH", 4],
  ["URGENT", 2],
];

// How a task reached each status from the offer, each step checked by the status machine:
// its last step is what its timeline shows, and every step raised its version.
const PATHS: Record<Exclude<AssignmentStatus, "OFFERED">, [TTaskEvent, TTaskParty][]> = {
  ACCEPTED: [["accept", "desk"]],
  DECLINED: [["decline", "desk"]],
  SCHEDULED: [
    ["accept", "desk"],
    ["schedule", "desk"],
  ],
  IN_PROGRESS: [
    ["accept", "desk"],
    ["schedule", "desk"],
    ["checkIn", "tech"],
  ],
  REVISIT: [
    ["accept", "desk"],
    ["schedule", "desk"],
    ["checkIn", "tech"],
    ["requestRevisit", "tech"],
  ],
  PERFORMED: [
    ["accept", "desk"],
    ["schedule", "desk"],
    ["checkIn", "tech"],
    ["perform", "tech"],
  ],
  COMPLETED: [
    ["accept", "desk"],
    ["schedule", "desk"],
    ["checkIn", "tech"],
    ["perform", "tech"],
    ["complete", "desk"],
  ],
  REVIEWED: [
    ["accept", "desk"],
    ["schedule", "desk"],
    ["checkIn", "tech"],
    ["perform", "tech"],
    ["complete", "desk"],
    ["review", "staff"],
  ],
  INVOICED: [
    ["accept", "desk"],
    ["schedule", "desk"],
    ["checkIn", "tech"],
    ["perform", "tech"],
    ["complete", "desk"],
    ["review", "staff"],
    ["invoice", "staff"],
  ],
  CANCELLED: [
    ["accept", "desk"],
    ["cancel", "staff"],
  ],
};
// Per status: the last step's timeline data (as applyTaskEvent writes it), who took it,
// and the version the task is at.
const LAST_STEPS = Object.fromEntries(
  Object.entries(PATHS).map(([status, path]) => {
    let at: AssignmentStatus = "OFFERED";
    let from: AssignmentStatus = at;
    for (const [event, party] of path) [from, at] = [at, transition(at, event, party)];
    if (at !== status) throw new Error(`The path to ${status} ends at ${at}`);
    const [event, party] = path.at(-1)!;
    return [status, { data: { event, from, to: at, label: statusLabel(at) }, staff: party === "staff" }];
  }),
);
const VERSIONS = { OFFERED: 1, ...Object.fromEntries(Object.entries(PATHS).map(([s, path]) => [s, path.length + 1])) };

export type TSeedAtScaleOptions = {
  workOrders: number;
  log?: (m: string) => void;
  // Tasks for each of SCALE_COMPANIES, by slug; default: their `tasks`.
  companyTasks?: Partial<Record<(typeof SCALE_COMPANIES)[number]["slug"], number>>;
  organisationSlug?: string;
};

// After seedDemo: adds work orders to its organisation until it has `workOrders`, with
// their assignments, technicians, conversations, NTE requests and timelines, then gives
// the scale contractors their tasks and analyses what it loaded.
export async function seedAtScale(db: TDb, options: TSeedAtScaleOptions) {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const world = await readWorld(db, options.organisationSlug ?? "northwind");
  const companies = [];
  for (const spec of SCALE_COMPANIES) companies.push(await ensureScaleCompany(db, world, spec));
  const [{ existing }] = await db.$queryRaw<{ existing: number }[]>`
    SELECT count(*)::int AS existing FROM "WorkOrder" WHERE "organisationId" = ${world.organisationId}`;
  const adding = Math.max(0, options.workOrders - existing);
  const base = world.lastWorkOrderNumber;
  // Ids of the app's form (lib/id-pattern.ts), 23 characters where its cuids have 25, so
  // never one of theirs; the tag keeps them apart from another run's.
  const tag = createHash("md5").update(`${world.organisationId}:${base}`).digest("hex").slice(0, 8);
  log(
    `adding ${adding.toLocaleString("en-GB")} work orders to ${existing.toLocaleString("en-GB")} (numbers from ${base + 1}; ${elapsed()})`,
  );
  for (let lo = 1; lo <= adding; lo += CHUNK) {
    const hi = Math.min(adding, lo + CHUNK - 1);
    await inTransaction(db, async (tx) => {
      const [org] = await tx.$queryRaw<{ last: number }[]>`
        SELECT "lastWorkOrderNumber" AS last FROM "Organisation" WHERE id = ${world.organisationId} FOR UPDATE`;
      if (org.last !== base + lo - 1) throw new Error(`Work order numbers moved while seeding (at ${org.last})`);
      await writeChunk(tx, world, { lo, hi, base, tag, now: world.now });
      await tx.$executeRaw`UPDATE "Organisation" SET "lastWorkOrderNumber" = ${base + hi} WHERE id = ${world.organisationId}`;
    });
    log(`${(existing + hi).toLocaleString("en-GB")} work orders (${elapsed()})`);
  }
  const keep: string[] = [];
  for (const [index, spec] of SCALE_COMPANIES.entries()) {
    const count = options.companyTasks?.[spec.slug] ?? spec.tasks;
    const given = await giveTasksTo(db, { companyId: companies[index].id, count, keepTasksOf: keep });
    keep.push(companies[index].id);
    log(`${spec.name}: ${given.toLocaleString("en-GB")} tasks (${elapsed()})`);
  }
  // Until autovacuum gets round to it, the planner would take the new rows for absent.
  await setAttentionState(db);
  await inTransaction(db, (tx) => tx.$executeRawUnsafe("ANALYZE"));
  const [{ size }] = await db.$queryRaw<{ size: string }[]>`
    SELECT pg_size_pretty(pg_database_size(current_database())) AS size`;
  log(
    `${(existing + adding).toLocaleString("en-GB")} work orders over the last 3 years in ${elapsed()}; database ${size}`,
  );
  return { organisationId: world.organisationId, added: adding, companyIds: companies.map((c) => c.id) };
}

// Long statements in one transaction, free of the app's statement timeout (lib/db.ts).
async function inTransaction<T>(db: TDb, work: (tx: TTx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      await tx.$executeRawUnsafe("SET LOCAL synchronous_commit = off");
      return work(tx);
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
}

type TCompany = { id: string; name: string; officeUserId: string; technicianIds: string[] };
type TWorld = Awaited<ReturnType<typeof readWorld>>;

// What seedDemo made, in a fixed order so that the same series picks the same rows.
async function readWorld(db: TDb, slug: string) {
  const [org] = await db.$queryRaw<
    { id: string; currency: string; timezone: string; last: number; taxPercent: string }[]
  >`SELECT id, currency, timezone, "lastWorkOrderNumber" AS last, trim_scale("defaultTaxPercent")::text AS "taxPercent"
    FROM "Organisation" WHERE slug = ${slug}`;
  if (!org) throw new Error(`No organisation "${slug}": run seedDemo first`);
  const staff = await db.$queryRaw<{ id: string; name: string; role: string }[]>`
    SELECT u.id, u.name, m.role::text AS role FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."organisationId" = ${org.id} ORDER BY m.role, u.email`;
  const categories = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM "Category" WHERE "organisationId" = ${org.id} ORDER BY name`;
  const sites = await db.$queryRaw<{ id: string; assetIds: string[] }[]>`
    SELECT s.id, ARRAY(SELECT a.id FROM "Asset" a WHERE a."siteId" = s.id ORDER BY a."serialNumber", a.id) AS "assetIds"
    FROM "Site" s WHERE s."organisationId" = ${org.id} ORDER BY s."addressLine1", s.id`;
  // The organisation's contractors before the scale ones joined, with their trades.
  const scaleEmails = SCALE_COMPANIES.map((c) => scaleOfficeEmail(c.slug));
  const companies = await db.$queryRaw<(TCompany & { trades: string[] })[]>`
    SELECT c.id, c.name, l.trades,
      (SELECT p."userId" FROM "ContractorPerson" p WHERE p."contractorCompanyId" = c.id AND p.role = 'OFFICE' AND p.active
        ORDER BY p."createdAt", p.id LIMIT 1) AS "officeUserId",
      ARRAY(SELECT p.id FROM "ContractorPerson" p WHERE p."contractorCompanyId" = c.id AND p.role = 'TECHNICIAN' AND p.active
        ORDER BY p."createdAt", p.id) AS "technicianIds"
    FROM "NetworkLink" l JOIN "ContractorCompany" c ON c.id = l."contractorCompanyId"
    WHERE l."organisationId" = ${org.id} AND l.status = 'ACTIVE' AND c.email <> ALL(${scaleEmails}::text[])
    ORDER BY c.name, c.id`;
  const usable = companies.filter((c) => c.officeUserId && c.technicianIds.length);
  if (!staff.length || !categories.length || !sites.length || !usable.length)
    throw new Error(`Organisation "${slug}" lacks staff, categories, sites or contractors: run seedDemo first`);
  return {
    organisationId: org.id,
    currency: org.currency,
    timezone: org.timezone,
    taxPercent: org.taxPercent,
    lastWorkOrderNumber: org.last,
    staff,
    admin: staff.find((s) => s.role === "ADMIN") ?? staff[0],
    categories,
    sites,
    companies: usable,
    // One instant for the whole run, as the UTC wall time the columns hold.
    now: new Date().toISOString().replace("T", " ").replace("Z", ""),
  };
}

// A contractor of the organisation's network with an office person who signs in with the
// demo password and two technicians, accredited for every trade, on agreed terms.
async function ensureScaleCompany(db: TDb, world: TWorld, spec: (typeof SCALE_COMPANIES)[number]) {
  const email = scaleOfficeEmail(spec.slug);
  const [found] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "ContractorCompany" WHERE email = ${email}`;
  if (found) return found;
  const trades = world.categories.map((c) => c.name);
  const company = await createContractorCompany(db, [world.organisationId], { name: spec.name, email, trades });
  const demo = { isDemo: true, password: DEMO_PASSWORD, lastSignInAt: new Date(Date.now() - 3_600_000) };
  const first = spec.name.split(" ")[0];
  const office = await createContractorPerson(db, company.id, "OFFICE", { ...demo, name: `${first} Office`, email });
  for (const techName of ["Sam", "Sky"]) {
    await createContractorPerson(db, company.id, "TECHNICIAN", {
      ...demo,
      name: `${techName} (${first})`,
      email: `${techName.toLowerCase()}@${spec.slug}.test`,
      mobile: "+44 7700 900456",
    });
  }
  const day = DAY * 1000;
  for (const type of new Set(Object.values(REQUIRED).flat()))
    await createAccreditation(db, {
      contractorCompanyId: company.id,
      type,
      expiresAt: new Date(Date.now() + 300 * day),
    });
  // Agreed before the oldest work, as a calendar day (midnight UTC).
  const validFrom = new Date(Math.floor(Date.now() / day - SPAN_DAYS - 30) * day);
  await db.rateCard.create({
    data: {
      organisationId: world.organisationId,
      contractorCompanyId: company.id,
      version: 1,
      status: "ACCEPTED",
      proposedBy: "client",
      proposedById: world.admin.id,
      currency: world.currency,
      normalRate: "60",
      overtimeRate: "90",
      calloutRate: "105",
      travelRate: "35",
      calloutFee: "40",
      materialMarkupPercent: "12.5",
      validFrom,
      decidedAt: validFrom,
      decidedById: office.user.id,
    },
  });
  return { id: company.id };
}

// ---------------------------------------------------------------- one chunk of work orders

type TChunk = { lo: number; hi: number; base: number; tag: string; now: string };

// SQL for a number in [0, 1) from 16 bits of a hash column.
const unit = (hash: string, shift: number) => `(((${hash} >> ${shift}) & 65535)::float8 / 65536)`;
// A slot's case, for a stratified pick: within every thousand consecutive work orders each
// slot occurs once, so the shares hold exactly at any size.
function slotCase(column: string, weights: number[], values: string[]): string {
  let upTo = 0;
  const arms = weights.map((weight, index) => `WHEN ${column} < ${(upTo += weight)} THEN ${values[index]}`);
  return `CASE ${arms.join(" ")} END`;
}
const id = (tag: string, kind: string, n: string) => `'cz${tag}${kind}' || lpad(to_hex(${n}), 12, '0')`;
const text = (value: string) => `'${value.replace(/'/g, "''")}'`;
const ON_SITE: AssignmentStatus[] = ["IN_PROGRESS", "REVISIT", "PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"];
const list = (statuses: AssignmentStatus[]) => statuses.map(text).join(", ");

async function writeChunk(tx: TTx, world: TWorld, chunk: TChunk) {
  await tx.$executeRawUnsafe(planSql(world, chunk), ...planParams(world, chunk));
  const org = world.organisationId;
  const ids = (kind: string, n: string) => id(chunk.tag, kind, n);
  await tx.$executeRawUnsafe(
    `INSERT INTO "WorkOrder" (id, "organisationId", number, title, description, "siteId", "assetId", "categoryId",
       priority, status, "dueAt", "slaDueAt", "purchaseOrder", "createdById", "archivedAt", "awaitingReplySince",
       "createdAt", "updatedAt")
     SELECT p.wo_id, $1, p.number, p.title, 'Reported by the site team. Please call the site contact on arrival.',
       p.site_id, p.asset_id, p.category_id, p.priority::"Priority", p.wo_status::"WorkOrderStatus", p.due_at,
       p.sla_due_at, p.purchase_order, p.staff_id, p.archived_at, p.awaiting_since, p.created_at,
       GREATEST(p.created_at, p.task_updated, p.earlier_updated, p.archived_at)
     FROM scale_plan p ORDER BY p.i`,
    org,
  );
  // Every assignment, the earlier one first: offered, answered, visited, finished in order.
  await tx.$executeRawUnsafe(
    `INSERT INTO "Assignment" (id, "organisationId", "workOrderId", "contractorCompanyId", status, "offeredAt",
       "respondedAt", "declineReason", "plannedAt", "scheduledAt", "checkedInAt", "performedAt", "completedAt",
       "revisitReason", version, "createdAt", "updatedAt")
     SELECT ${ids("a", "p.i * 2")}, $1, p.wo_id, p.earlier_company_id, p.earlier::"AssignmentStatus", p.earlier_offered,
       p.earlier_responded, CASE WHEN p.earlier = 'DECLINED' THEN ${text(DECLINE_REASON)} END,
       NULL, NULL, NULL, NULL, NULL, NULL, ($2::jsonb ->> p.earlier)::int, p.earlier_offered, p.earlier_updated
     FROM scale_plan p WHERE p.earlier IS NOT NULL
     UNION ALL
     SELECT ${ids("a", "p.i * 2 + 1")}, $1, p.wo_id, p.company_id, p.task::"AssignmentStatus", p.offered,
       p.responded, NULL, p.planned, p.scheduled, p.checked_in, p.performed, p.completed,
       CASE WHEN p.task = 'REVISIT' THEN 'Replacement part on order' END,
       ($2::jsonb ->> p.task)::int, p.offered, p.task_updated
     FROM scale_plan p WHERE p.task IS NOT NULL
     ORDER BY 1`,
    org,
    JSON.stringify(VERSIONS),
  );
  // A technician on every task from acceptance on (one in eight has both).
  await tx.$executeRawUnsafe(
    `INSERT INTO "AssignmentTechnician" ("assignmentId", "personId", "assignedAt")
     SELECT ${ids("a", "p.i * 2 + 1")}, t.person_id, p.responded
     FROM scale_plan p CROSS JOIN LATERAL (VALUES (p.technician_id), (CASE WHEN p.two_technicians THEN p.other_technician_id END)) t(person_id)
     WHERE p.task IN (${list(["ACCEPTED", "SCHEDULED", ...ON_SITE])}) AND t.person_id IS NOT NULL`,
  );
  // A conversation on a third of the tasks, the client's staff and the contractor's office
  // taking turns; the work order waits for the client when the contractor spoke last.
  await tx.$executeRawUnsafe(
    `INSERT INTO "Message" (id, "organisationId", "workOrderId", "assignmentId", "authorId", body, "createdAt")
     SELECT ${ids("m", "p.i * 4 + j - 1")}, $1, p.wo_id, ${ids("a", "p.i * 2 + 1")},
       CASE WHEN (j % 2 = 1) = p.client_first THEN p.staff_id ELSE p.office_id END,
       ($2::text[])[p.pair * 2 + 2 - j % 2], ${messageAt("j")}
     FROM scale_plan p CROSS JOIN LATERAL generate_series(1, p.messages) j
     WHERE p.messages > 0`,
    org,
    CONVERSATIONS.flat(),
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "NteIncreaseRequest" (id, "organisationId", "workOrderId", "assignmentId", "contractorCompanyId", reason,
       currency, "requestedNotToExceed", lines, "requestedById", "createdAt")
     SELECT ${ids("n", "p.i")}, $1, p.wo_id, ${ids("a", "p.i * 2 + 1")}, p.company_id, ${text(NTE_REASON)}, $2,
       p.nte_amount, jsonb_build_array(jsonb_build_object('description', 'Replacement isolation valve, fitted',
         'quantity', '1', 'unitCode', 'C62', 'unitPrice', to_char(p.nte_amount, 'FM999990.00'), 'taxPercent', $3::text)),
       p.office_id, p.nte_at
     FROM scale_plan p WHERE p.nte_at IS NOT NULL`,
    org,
    world.currency,
    world.taxPercent,
  );
  // The timeline: reported, each offer and where it went, a request, the archiving. Staff
  // steps are theirs; the contractor's are labelled with the company, as the demo's are.
  const stepData = Object.fromEntries(Object.entries(LAST_STEPS).map(([s, step]) => [s, step.data]));
  const byStaff = Object.entries(LAST_STEPS)
    .filter(([, step]) => step.staff)
    .map(([s]) => s);
  const actor = (status: string) => `CASE WHEN ${status} IN (${byStaff.map(text).join(", ")}) THEN p.staff_id END`;
  const label = (status: string, company: string) =>
    `CASE WHEN ${status} IN (${byStaff.map(text).join(", ")}) THEN p.staff_name ELSE ${company} END`;
  await tx.$executeRawUnsafe(
    `INSERT INTO "TimelineEvent" (id, "organisationId", "workOrderId", "assignmentId", "actorId", "actorLabel", type, data,
       "occurredAt", "createdAt")
     SELECT ${ids("e", "p.i * 8 + e.k")}, $1, p.wo_id, e.assignment_id, e.actor_id, e.actor_label, e.type, e.data, e.at, e.at
     FROM scale_plan p CROSS JOIN LATERAL (VALUES
       (0, 'work_order.created', NULL, p.staff_id, p.staff_name, jsonb_build_object('number', p.number), p.created_at),
       (1, CASE WHEN p.earlier IS NOT NULL THEN 'assignment.offered' END, ${ids("a", "p.i * 2")}, p.staff_id, p.staff_name,
         jsonb_build_object('contractor', p.earlier_company_name), p.earlier_offered),
       (2, CASE WHEN p.earlier IS NOT NULL THEN 'assignment.status_changed' END, ${ids("a", "p.i * 2")},
         ${actor("p.earlier")}, ${label("p.earlier", "p.earlier_company_name")},
         ($2::jsonb -> p.earlier) || jsonb_build_object('reason', CASE WHEN p.earlier = 'DECLINED'
           THEN ${text(DECLINE_REASON)} ELSE ${text(WITHDRAW_REASON)} END), p.earlier_updated),
       (3, CASE WHEN p.task IS NOT NULL THEN 'assignment.offered' END, ${ids("a", "p.i * 2 + 1")}, p.staff_id, p.staff_name,
         jsonb_build_object('contractor', p.company_name), p.offered),
       (4, CASE WHEN p.task <> 'OFFERED' THEN 'assignment.status_changed' END, ${ids("a", "p.i * 2 + 1")},
         ${actor("p.task")}, ${label("p.task", "p.company_name")}, $2::jsonb -> p.task, p.task_updated),
       (5, CASE WHEN p.nte_at IS NOT NULL THEN 'nte.requested' END, ${ids("a", "p.i * 2 + 1")}, p.office_id,
         p.company_name, jsonb_build_object('to', to_char(p.nte_amount, 'FM999990.00'), 'from', NULL, 'currency', $3::text,
           'reason', ${text(NTE_REASON)}), p.nte_at),
       (6, CASE WHEN p.archived_at IS NOT NULL THEN 'work_order.archived' END, NULL, p.staff_id, p.staff_name,
         '{}'::jsonb, p.archived_at)
     ) e(k, type, assignment_id, actor_id, actor_label, data, at)
     WHERE e.type IS NOT NULL`,
    org,
    JSON.stringify(stepData),
    world.currency,
  );
}

// When the j-th of a conversation's messages was written: evenly between the offer and
// the end of the conversation (its fourth day, the task's completion, or now).
function messageAt(j: string): string {
  return `(p.talk_from + (p.talk_to - p.talk_from) * (${j}::float8 / (p.messages + 1)))::timestamp(3)`;
}

function planParams(world: TWorld, chunk: TChunk): unknown[] {
  const assetWidth = Math.max(1, ...world.sites.map((s) => s.assetIds.length));
  const titlesPerCategory = Math.min(...world.categories.map((c) => JOBS[c.name]?.length ?? 1));
  // Each category's two likeliest contractors: those with its trade, else any.
  const candidates = world.categories.flatMap((category) => {
    const fit = world.companies.flatMap((c, index) => (c.trades.includes(category.name) ? [index] : []));
    const pool = fit.length ? fit : world.companies.map((_, index) => index);
    return [pool[0], pool[1 % pool.length]];
  });
  return [
    chunk.lo, // $1
    chunk.hi,
    chunk.base,
    chunk.now,
    world.timezone, // $5
    world.categories.map((c) => c.id),
    world.categories.flatMap((c) =>
      Array.from({ length: titlesPerCategory }, (_, t) => JOBS[c.name]?.[t] ?? `${c.name} job`),
    ),
    titlesPerCategory,
    world.sites.map((s) => s.id),
    world.sites.flatMap((s) => Array.from({ length: assetWidth }, (_, a) => s.assetIds[a] ?? null)), // $10
    assetWidth,
    world.staff.map((s) => s.id),
    world.staff.map((s) => s.name),
    candidates,
    world.companies.map((c) => c.id), // $15
    world.companies.map((c) => c.name),
    world.companies.map((c) => c.officeUserId),
    world.companies.flatMap((c) => [c.technicianIds[0], c.technicianIds[1 % c.technicianIds.length]]),
  ];
}

function planSql(world: TWorld, { tag }: TChunk): string {
  const priorities = PRIORITY_MIX.flatMap(([priority, weight]) => Array<Priority>(weight).fill(priority));
  const slaHours = `(CASE priority ${Object.entries(SLA_HOURS)
    .map(([p, h]) => `WHEN ${text(p)} THEN ${h}`)
    .join(" ")} END)`;
  const shapeOf = (pick: (shape: TShape) => string | null) =>
    slotCase(
      "slot",
      SHAPES.map((s) => s.perMille),
      SHAPES.map((s) => (pick(s) === null ? "NULL" : text(pick(s)!))),
    );
  const now = "$4::timestamp(3)";
  const seconds = (expr: string) => `(${expr}) * interval '1 second'`;
  const nco = world.companies.length;
  return `
CREATE TEMP TABLE scale_plan ON COMMIT DROP AS
WITH series AS (
  SELECT i, (i::bigint * 389 + 7) % 1000 AS slot,
    hashint4(i) AS h1, hashint4(i # 1431655765) AS h2, hashint4(i # 954437177) AS h3,
    hashint4(i # 1717986918) AS h4, hashint4(i # 286331153) AS h5
  FROM generate_series($1::int, $2::int) AS i OFFSET 0
), drawn AS (
  SELECT s.*,
    ${shapeOf((shape) => shape.task)}::text AS task,
    ${shapeOf((shape) => shape.workOrder)}::text AS wo_status,
    ${shapeOf((shape) => shape.earlier ?? null)}::text AS earlier_fixed,
    ${shapeOf((shape) => shape.phase)}::text AS phase,
    ($6::text[])[1 + ((h1 >> 10) & 1023) % cardinality($6::text[])] AS category_id,
    ((h1 >> 10) & 1023) % cardinality($6::text[]) AS category,
    ((h1 >> 20) & 1023) % $8 AS title_no,
    (h2 & 65535) % cardinality($9::text[]) AS site,
    ((h2 >> 16) & 1) = 1 AS has_asset,
    ((h2 >> 17) & 1023) % $11 AS asset_no,
    ((h2 >> 27) & 15) < 13 AS has_due,
    (ARRAY[${priorities.map(text).join(", ")}])[1 + (h1 & 1023) % ${priorities.length}] AS priority,
    (h3 & 1) AS company_pick,
    ((h3 >> 1) & 1) AS other_pick,
    ((h3 >> 2) & 127) < 23 AS went_elsewhere,
    ((h3 >> 9) & 7) < 5 AS declined_first,
    ((h3 >> 12) & 7) = 0 AS late,
    ${unit("h3", 16)} AS u_age,
    (h4 & 65535) % 3 = 0 AS talks,
    1 + ((h4 >> 16) & 3) AS talk_length,
    ((h4 >> 18) & 63) = 0 AS unanswered,
    ((h4 >> 24) & 1) = 0 AS client_starts,
    ((h4 >> 25) & 7) % ${CONVERSATIONS.length} AS pair,
    ((h4 >> 28) & 7) < 5 AS has_po,
    (h5 & 255) < 8 AS asks_more,
    ((h5 >> 8) & 3) = 0 AS archive,
    ((h5 >> 9) & 1023) % cardinality($12::text[]) AS staff,
    1 + ((h5 >> 19) & 15) % 14 AS visit_day,
    ((h5 >> 23) & 15) AS visit_slot,
    ((h5 >> 27) & 7) AS technician_pick,
    ${unit("h2", 0)} AS u_visit
  FROM series s OFFSET 0
), shaped AS (
  SELECT d.*,
    CASE WHEN task IS NULL THEN earlier_fixed
      WHEN went_elsewhere THEN CASE WHEN declined_first THEN 'DECLINED' ELSE 'CANCELLED' END END AS earlier,
    ${slaHours} * 3600 AS sla_s,
    ($14::int[])[1 + category * 2 + company_pick] AS home
  FROM drawn d OFFSET 0
), aged AS (
  SELECT sh.*,
    CASE phase
      WHEN 'open' THEN CASE WHEN late THEN sla_s + u_age * 5 * ${DAY} ELSE 1800 + u_age * GREATEST(sla_s * 0.8 - 1800, 0) END
      WHEN 'offer' THEN CASE WHEN late THEN 1.05 * ${DAY} + u_age * 4 * ${DAY} ELSE 1800 + u_age * (0.9 * ${DAY} - 1800) END
      WHEN 'onSite' THEN ${DAY} + u_age * GREATEST(sla_s, 2 * ${DAY})
      WHEN 'reviewed' THEN 14 * ${DAY} + u_age * 31 * ${DAY}
      ELSE 14 * ${DAY} + u_age * ${SPAN_DAYS - 14} * ${DAY}
    END AS age_s,
    CASE WHEN task IS NULL THEN home ELSE (home + 1 + other_pick) % ${nco} END AS earlier_home
  FROM shaped sh OFFSET 0
), timed AS (
  SELECT a.*,
    (${now} - ${seconds("age_s")})::timestamp(3) AS created_at,
    LEAST(3600, age_s * 0.05) AS step_s
  FROM aged a OFFSET 0
), offered AS (
  SELECT t.*,
    CASE WHEN earlier IS NOT NULL THEN (created_at + ${seconds("step_s")})::timestamp(3) END AS earlier_offered,
    CASE WHEN earlier IS NOT NULL THEN (created_at + ${seconds("2 * step_s")})::timestamp(3) END AS earlier_responded,
    CASE WHEN earlier = 'DECLINED' THEN (created_at + ${seconds("2 * step_s")})::timestamp(3)
      WHEN earlier = 'CANCELLED' THEN (created_at + ${seconds("3 * step_s")})::timestamp(3) END AS earlier_updated,
    CASE WHEN task IS NOT NULL
      THEN (created_at + ${seconds("CASE WHEN earlier IS NOT NULL THEN 4 ELSE 1 END * step_s")})::timestamp(3) END AS offered
  FROM timed t OFFSET 0
), answered AS (
  SELECT o.*,
    CASE WHEN task <> 'OFFERED' THEN (offered + ${seconds("LEAST(7200, age_s * 0.1)")})::timestamp(3) END AS responded
  FROM offered o OFFSET 0
), visited AS (
  SELECT an.*,
    (CASE
      WHEN task IN ('ACCEPTED', 'SCHEDULED') THEN
        ((date_trunc('day', (${now} AT TIME ZONE 'UTC') AT TIME ZONE $5) + visit_day * interval '1 day'
          + (480 + visit_slot * 30) * interval '1 minute') AT TIME ZONE $5) AT TIME ZONE 'UTC'
      WHEN task = 'IN_PROGRESS' THEN ${now} - ${seconds(`3600 + u_visit * 7200`)}
      WHEN task IN ('REVISIT', 'PERFORMED', 'COMPLETED') THEN
        responded + (${now} - interval '2 hours' - responded) * u_visit
      WHEN task IN ('REVIEWED', 'INVOICED') THEN responded + ${seconds(
        `LEAST(9 * ${DAY}, CASE WHEN late THEN sla_s * (1 + u_visit) ELSE sla_s * (0.1 + 0.8 * u_visit) END)`,
      )}
    END)::timestamp(3) AS visit
  FROM answered an OFFSET 0
), done AS (
  SELECT v.*,
    CASE WHEN task IN ('PERFORMED', 'COMPLETED', 'REVIEWED', 'INVOICED') THEN (visit + interval '55 minutes')::timestamp(3) END AS performed,
    CASE WHEN task IN ('COMPLETED', 'REVIEWED', 'INVOICED') THEN (visit + interval '1 hour')::timestamp(3) END AS completed
  FROM visited v OFFSET 0
), planned AS (
  SELECT dn.*,
    CASE task
      WHEN 'OFFERED' THEN offered
      WHEN 'ACCEPTED' THEN responded
      WHEN 'SCHEDULED' THEN responded
      WHEN 'IN_PROGRESS' THEN visit
      WHEN 'REVISIT' THEN (visit + interval '1 hour')::timestamp(3)
      WHEN 'PERFORMED' THEN performed
      WHEN 'COMPLETED' THEN completed
      WHEN 'REVIEWED' THEN (completed + interval '1 day')::timestamp(3)
      WHEN 'INVOICED' THEN (completed + interval '3 days')::timestamp(3)
    END AS task_updated,
    CASE WHEN talks AND task IS NOT NULL THEN talk_length ELSE 0 END AS messages,
    offered AS talk_from,
    LEAST(${now} - interval '1 minute', offered + interval '4 days', COALESCE(completed, ${now})) AS talk_to,
    CASE WHEN wo_status IN ('COMPLETED', 'CANCELLED') AND NOT unanswered THEN talk_length % 2 = 1 ELSE client_starts END
      AS client_first,
    CASE WHEN archive AND wo_status IN ('COMPLETED', 'CANCELLED') AND age_s > 730 * ${DAY}
      THEN (created_at + interval '400 days')::timestamp(3) END AS archived_at,
    CASE WHEN asks_more AND task IN ('ACCEPTED', 'SCHEDULED', 'IN_PROGRESS', 'REVISIT', 'PERFORMED', 'COMPLETED')
      THEN (responded + (${now} - responded) * 0.5)::timestamp(3) END AS nte_at
  FROM done dn OFFSET 0
)
SELECT
  p.i, $3 + p.i AS number, ${id(tag, "w", "p.i")} AS wo_id, p.task, p.wo_status, p.earlier, p.priority,
  p.category_id, ($7::text[])[1 + p.category * $8 + p.title_no] AS title,
  ($9::text[])[1 + p.site] AS site_id,
  CASE WHEN p.has_asset THEN ($10::text[])[1 + p.site * $11 + p.asset_no] END AS asset_id,
  CASE WHEN p.has_due THEN date_trunc('day', p.created_at + interval '14 days') END AS due_at,
  (p.created_at + ${seconds("p.sla_s")})::timestamp(3) AS sla_due_at,
  CASE WHEN p.has_po THEN 'PO-' || (100000 + $3 + p.i) END AS purchase_order,
  ($12::text[])[1 + p.staff] AS staff_id, ($13::text[])[1 + p.staff] AS staff_name,
  ($15::text[])[1 + p.home] AS company_id, ($16::text[])[1 + p.home] AS company_name,
  ($17::text[])[1 + p.home] AS office_id,
  ($15::text[])[1 + p.earlier_home] AS earlier_company_id, ($16::text[])[1 + p.earlier_home] AS earlier_company_name,
  ($18::text[])[1 + p.home * 2 + (p.technician_pick & 1)] AS technician_id,
  ($18::text[])[1 + p.home * 2 + 1 - (p.technician_pick & 1)] AS other_technician_id,
  p.technician_pick = 7 AS two_technicians,
  p.created_at, p.earlier_offered, p.earlier_responded, p.earlier_updated, p.offered, p.responded,
  CASE WHEN p.task NOT IN ('OFFERED', 'ACCEPTED') THEN p.visit ELSE NULL END AS scheduled,
  CASE WHEN p.task <> 'OFFERED' THEN p.visit END AS planned,
  CASE WHEN p.task IN (${list(ON_SITE)}) THEN p.visit END AS checked_in,
  p.performed, p.completed, p.task_updated, p.archived_at, p.nte_at,
  (120 + (p.h5 >> 28 & 7) * 15)::numeric(14, 3) AS nte_amount,
  p.messages, p.client_first, p.pair, p.talk_from, p.talk_to,
  CASE WHEN p.messages > 0 AND p.client_first = (p.messages % 2 = 0) THEN ${messageAt("p.messages")} END AS awaiting_since
FROM planned p`;
}

// ---------------------------------------------------------------- tasks for one contractor

// Gives a contractor of the organisation's network `count` tasks in all (none are taken
// if it has them already), re-pointing others' tasks to it with everything that names
// their old company: the technicians (now the new company's), the office's messages, the
// timeline's labels, NTE requests and invoices (numbered in the new company's sequence).
// Tasks with work recorded by the old company's people (time, costs, check-ins, defects,
// files, signatures) stay where they are, and so do those of `keepTasksOf`. One task of
// each status is taken first, so the company sees every status, then the rest in an order
// hashed from their work order's number and status: scattered, and the same every run.
export async function giveTasksTo(
  db: TDb,
  options: { companyId: string; count: number; keepTasksOf?: string[] },
): Promise<number> {
  const { companyId, count } = options;
  const keep = [companyId, ...(options.keepTasksOf ?? [])];
  return inTransaction(db, async (tx) => {
    const [company] = await tx.$queryRaw<
      {
        name: string;
        officeUserId: string | null;
        officeName: string | null;
        technicianIds: string[];
        has: number;
        cardId: string | null;
      }[]
    >`SELECT c.name, o."userId" AS "officeUserId", o.name AS "officeName",
        ARRAY(SELECT p.id FROM "ContractorPerson" p WHERE p."contractorCompanyId" = c.id AND p.role = 'TECHNICIAN' AND p.active
          ORDER BY p."createdAt", p.id) AS "technicianIds",
        (SELECT count(*)::int FROM "Assignment" a WHERE a."contractorCompanyId" = c.id) AS has,
        (SELECT r.id FROM "RateCard" r WHERE r."contractorCompanyId" = c.id AND r.status = 'ACCEPTED'
          ORDER BY r.version DESC LIMIT 1) AS "cardId"
      FROM "ContractorCompany" c
      LEFT JOIN LATERAL (SELECT p."userId", u.name FROM "ContractorPerson" p JOIN "User" u ON u.id = p."userId"
        WHERE p."contractorCompanyId" = c.id AND p.role = 'OFFICE' AND p.active ORDER BY p."createdAt", p.id LIMIT 1) o ON TRUE
      WHERE c.id = ${companyId} FOR UPDATE OF c`;
    if (!company) throw new Error(`No contractor company ${companyId}`);
    if (company.has >= count) return company.has;
    if (!company.officeUserId || !company.technicianIds.length)
      throw new Error(`${company.name} needs an office person and a technician to take tasks`);
    await tx.$executeRaw`
      CREATE TEMP TABLE moved ON COMMIT DROP AS
      SELECT a.id, a."contractorCompanyId" AS from_company, md5(w.number || ':' || a.status) AS pick
      FROM "Assignment" a JOIN "WorkOrder" w ON w.id = a."workOrderId"
      WHERE a."organisationId" IN (SELECT l."organisationId" FROM "NetworkLink" l WHERE l."contractorCompanyId" = ${companyId})
        AND a."contractorCompanyId" <> ALL(${keep}::text[])
        AND NOT EXISTS (SELECT 1 FROM "TimeEntry" x WHERE x."assignmentId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "CostEntry" x WHERE x."assignmentId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "CheckIn" x WHERE x."assignmentId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "Defect" x WHERE x."assignmentId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "Attachment" x WHERE x."assignmentId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "Signature" x WHERE x."assignmentId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "EvidencePack" x WHERE x."assignmentId" = a.id)
        AND NOT EXISTS (SELECT 1 FROM "SyncMutation" x WHERE x."assignmentId" = a.id)
      ORDER BY row_number() OVER (PARTITION BY a.status ORDER BY md5(w.number || ':' || a.status), a.id) > 1,
        md5(w.number || ':' || a.status), a.id
      LIMIT ${count - company.has}`;
    await tx.$executeRawUnsafe(`CREATE INDEX ON moved (id)`);
    await tx.$executeRawUnsafe(`ANALYZE moved`);
    await tx.$executeRaw`UPDATE "Assignment" a SET "contractorCompanyId" = ${companyId} FROM moved m WHERE a.id = m.id`;
    // Each task keeps as many technicians as it had, up to the company's, now its own.
    await tx.$executeRaw`
      CREATE TEMP TABLE moved_technicians ON COMMIT DROP AS
      SELECT t."assignmentId", ('x' || left(m.pick, 4))::bit(16)::int AS pick, count(*)::int AS technicians,
        min(t."assignedAt") AS "assignedAt"
      FROM "AssignmentTechnician" t JOIN moved m ON m.id = t."assignmentId" GROUP BY t."assignmentId", m.pick`;
    await tx.$executeRaw`DELETE FROM "AssignmentTechnician" t USING moved m WHERE t."assignmentId" = m.id`;
    await tx.$executeRaw`DELETE FROM "AssignmentTechnicianRemoval" t USING moved m WHERE t."assignmentId" = m.id`;
    await tx.$executeRaw`
      INSERT INTO "AssignmentTechnician" ("assignmentId", "personId", "assignedAt")
      SELECT t."assignmentId",
        (${company.technicianIds}::text[])[1 + (t.pick + n) % ${company.technicianIds.length}],
        t."assignedAt"
      FROM moved_technicians t CROSS JOIN LATERAL generate_series(0, LEAST(t.technicians, ${company.technicianIds.length}) - 1) n`;
    // What the old company's people wrote or did is now the new office's.
    await tx.$executeRaw`
      UPDATE "Message" x SET "authorId" = ${company.officeUserId}
      FROM moved m, "ContractorPerson" p
      WHERE x."assignmentId" = m.id AND p."userId" = x."authorId" AND p."contractorCompanyId" = m.from_company`;
    // Events the old company's people took are now its office's.
    await tx.$executeRaw`
      UPDATE "TimelineEvent" x SET "actorId" = ${company.officeUserId}, "actorLabel" = ${company.officeName}
      FROM moved m, "ContractorPerson" p
      WHERE x."assignmentId" = m.id AND p."userId" = x."actorId" AND p."contractorCompanyId" = m.from_company`;
    await tx.$executeRaw`
      UPDATE "TimelineEvent" x SET
        "actorLabel" = CASE WHEN x."actorLabel" = c.name THEN ${company.name} ELSE x."actorLabel" END,
        data = CASE WHEN x.type = 'assignment.offered'
          THEN jsonb_set(x.data, '{contractor}', to_jsonb(${company.name}::text)) ELSE x.data END
      FROM moved m JOIN "ContractorCompany" c ON c.id = m.from_company
      WHERE x."assignmentId" = m.id AND (x."actorLabel" = c.name OR x.type = 'assignment.offered')`;
    await tx.$executeRaw`
      UPDATE "NteIncreaseRequest" x SET "contractorCompanyId" = ${companyId},
        "requestedById" = CASE WHEN x."requestedById" IS NULL THEN NULL ELSE ${company.officeUserId} END
      FROM moved m WHERE x."assignmentId" = m.id`;
    const [{ invoices }] = await tx.$queryRaw<{ invoices: number }[]>`
      SELECT count(*)::int AS invoices FROM "Invoice" x JOIN moved m ON m.id = x."assignmentId"`;
    if (invoices > 0) {
      await tx.$executeRaw`
        UPDATE "Invoice" x SET "contractorCompanyId" = ${companyId}, "rateCardId" = ${company.cardId},
          number = 'INV-' || lpad((c."lastInvoiceNumber" + r.n)::text, 5, '0')
        FROM (SELECT i.id, row_number() OVER (ORDER BY i."createdAt", i.id) AS n
              FROM "Invoice" i JOIN moved m ON m.id = i."assignmentId") r, "ContractorCompany" c
        WHERE x.id = r.id AND c.id = ${companyId}`;
      await tx.$executeRaw`
        UPDATE "ContractorCompany" SET "lastInvoiceNumber" = "lastInvoiceNumber" + ${invoices} WHERE id = ${companyId}`;
    }
    const [{ has }] = await tx.$queryRaw<{ has: number }[]>`
      SELECT count(*)::int AS has FROM "Assignment" WHERE "contractorCompanyId" = ${companyId}`;
    return has;
  });
}
