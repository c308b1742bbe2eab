import type { AssignmentStatus, Prisma, PrismaClient, Priority } from "../generated/prisma/client";
import { DEMO_PASSWORD } from "../lib/auth/demo-password";
import { SLA_HOURS, slaDueAt } from "../lib/work-orders/priorities";
import { workOrderStatusFor } from "../lib/assignments/status-machine";
import {
  createAccreditation,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createStaffUser,
  createTrade,
  newId,
} from "./factories";
import { dayInZone, startOfDayInZone } from "../lib/time/zones";
import { decideCompliance, overrideRecord } from "../lib/compliance/decide-compliance";
import { describeComplianceProblem } from "../lib/compliance/describe-compliance";
import { setAttentionState } from "./attention-state";
import { DEMO_RATES, demoInvoice } from "./seed-invoices";
import { seedQuotes } from "./seed-quotes";
import { seedCustomers } from "./seed-customers";
import { seedTenantRequests } from "./seed-tenant-requests";

// The demo world of the quick start, and large data sets for benchmarks
// (`npm run seed -- --work-orders 100000`). Deterministic: the same numbers every run.

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ["Leeds", "York", "Bradford", "Harrogate", "Wakefield"];
const STREETS = [
  "High Street",
  "Station Road",
  "Park Lane",
  "Church Street",
  "Victoria Road",
  "Mill Lane",
  "Queen Street",
];
const SITE_KINDS = ["Office", "Warehouse", "Retail unit", "Apartments", "Medical centre", "School", "Depot"];
const ASSET_KINDS: [string, string][] = [
  ["Boiler", "Boiler 1 (plant room)"],
  ["Air handling unit", "AHU roof unit"],
  ["Fire alarm panel", "Fire alarm panel (reception)"],
  ["Lift", "Passenger lift"],
];
export const JOBS: Record<string, string[]> = {
  Plumbing: [
    "Leaking tap in kitchen",
    "Blocked drain in car park",
    "No hot water on level 2",
    "Replace toilet cistern",
    "Burst pipe under sink",
  ],
  Electrical: [
    "Lights flickering in reception",
    "Replace emergency lighting",
    "Socket not working",
    "Periodic inspection (EICR)",
    "Tripping circuit breaker",
  ],
  HVAC: [
    "Air conditioning not cooling",
    "Annual boiler service",
    "Noisy ventilation fan",
    "Replace AHU filters",
    "Thermostat fault",
  ],
  "General maintenance": [
    "Broken door closer",
    "Repaint stairwell",
    "Replace ceiling tiles",
    "Fix loose handrail",
    "Graffiti removal",
  ],
  "Fire safety": [
    "Fire alarm fault",
    "Extinguisher service",
    "Fire door inspection",
    "Sprinkler system test",
    "Replace smoke detector",
  ],
};
export const REQUIRED: Record<string, string[]> = {
  Plumbing: ["Public liability insurance"],
  Electrical: ["Public liability insurance", "NICEIC registration"],
  HVAC: ["Public liability insurance", "F-Gas certificate"],
  "General maintenance": ["Public liability insurance"],
  "Fire safety": ["Public liability insurance", "BAFE certification"],
};
// The procedure a technician follows on site for each trade.
type TProcedureStep = Omit<Prisma.ServiceTaskCreateManyInput, "organisationId" | "workOrderId" | "position">;
const PROCEDURES: Record<string, TProcedureStep[]> = {
  Plumbing: [
    { title: "Isolate the water supply", kind: "CHECK" },
    { title: "Mains water pressure", kind: "READING", unit: "bar", minValue: 1, maxValue: 3 },
    { title: "Photo of the repair", kind: "PHOTO", photoRequired: true },
  ],
  Electrical: [
    { title: "Safe isolation proved", kind: "CHECK" },
    { title: "Insulation resistance", kind: "READING", unit: "MΩ", minValue: 1 },
    { title: "Circuits tested", kind: "TEXT" },
  ],
  HVAC: [
    { title: "Filters checked", kind: "CHECK" },
    { title: "Supply air temperature", kind: "READING", unit: "°C", minValue: 12, maxValue: 18 },
    { title: "Photo of the unit's rating plate", kind: "PHOTO", photoRequired: true },
  ],
  "General maintenance": [
    { title: "Area made safe", kind: "CHECK" },
    { title: "Work carried out", kind: "TEXT" },
  ],
  "Fire safety": [
    { title: "Panel shows no faults", kind: "CHECK" },
    { title: "Battery voltage", kind: "READING", unit: "V", minValue: 24, maxValue: 28 },
    { title: "Devices tested", kind: "TEXT" },
  ],
};
// Weighted as a property manager's year looks from today: most work finished and
// invoiced, a few dozen jobs open or on the go.
const STATUS_WEIGHTS: [AssignmentStatus | null, number][] = [
  [null, 2],
  ["OFFERED", 2],
  ["ACCEPTED", 2],
  ["DECLINED", 1],
  ["SCHEDULED", 4],
  ["IN_PROGRESS", 1],
  ["REVISIT", 1],
  ["PERFORMED", 1],
  ["COMPLETED", 3],
  ["REVIEWED", 48],
  ["INVOICED", 31],
  ["CANCELLED", 4],
];
const PRIORITIES: Priority[] = ["LOW", "NORMAL", "NORMAL", "NORMAL", "HIGH", "URGENT"];

// Jobs whose procedure is not their trade's usual one.
const JOB_PROCEDURES: Record<string, TProcedureStep[]> = {
  "Fire door inspection": [
    { title: "Door closes fully from 90°", kind: "CHECK" },
    { title: "Gap at the leading edge", kind: "READING", unit: "mm", minValue: 2, maxValue: 4 },
    { title: "Intumescent strips and smoke seals intact", kind: "CHECK" },
    { title: "Photo of the door's certification label", kind: "PHOTO", photoRequired: true },
  ],
  "Extinguisher service": [
    { title: "Pressure gauge in the green", kind: "CHECK" },
    { title: "Weight of the extinguisher", kind: "READING", unit: "kg", minValue: 1, maxValue: 15 },
    { title: "Service label updated", kind: "CHECK" },
  ],
  "Sprinkler system test": [
    { title: "Alarm valve tested", kind: "CHECK" },
    { title: "Installation pressure", kind: "READING", unit: "bar", minValue: 2, maxValue: 12 },
    { title: "Flow alarm sounded at the panel", kind: "CHECK" },
  ],
  "Repaint stairwell": [
    { title: "Area made safe", kind: "CHECK" },
    { title: "Colour reference used", kind: "TEXT" },
    { title: "Photo of the finished stairwell", kind: "PHOTO", photoRequired: true },
  ],
};

function pick<T>(random: () => number, items: T[]): T {
  return items[Math.floor(random() * items.length)];
}

// When a task's visit is, by its status, relative to now.
function visitDate(status: AssignmentStatus, createdAt: Date, random: () => number, now: number): Date {
  const day = 86_400_000;
  const hour = 3_600_000;
  if (status === "IN_PROGRESS") return new Date(now - (1 + Math.floor(random() * 3)) * hour);
  // Done since it was reported, at least an hour before now.
  if (status === "REVISIT" || status === "PERFORMED" || status === "COMPLETED")
    return new Date(createdAt.getTime() + random() * Math.max(0, now - hour * 2 - createdAt.getTime()));
  if (status === "ACCEPTED" || status === "SCHEDULED" || status === "OFFERED") {
    // Today or one of the next two weeks, between 08:00 and 16:00 on the demo's London clock.
    const date = dayInZone(new Date(now + Math.floor(random() * 15) * day), "Europe/London");
    const minutes = (8 + Math.floor(random() * 8)) * 60 + (random() < 0.5 ? 0 : 30);
    return new Date(startOfDayInZone(date, "Europe/London").getTime() + minutes * 60_000);
  }
  return new Date(createdAt.getTime() + (1 + Math.floor(random() * 10)) * day);
}

// When a task reached its status: the answer two hours after the offer, arrival on site,
// completion an hour later; review the next day, and invoicing when its invoice was
// approved (seed-invoices.ts: submitted a day after completion, approved two days later).
function statusChangedAt(status: AssignmentStatus, offeredAt: Date, planned: Date): Date {
  const hour = 3_600_000;
  const completed = planned.getTime() + hour;
  const at: Partial<Record<AssignmentStatus, number>> = {
    IN_PROGRESS: planned.getTime(),
    REVISIT: planned.getTime() + hour,
    PERFORMED: planned.getTime() + hour,
    COMPLETED: completed,
    REVIEWED: completed + 24 * hour,
    INVOICED: completed + 72 * hour,
  };
  return new Date(at[status] ?? offeredAt.getTime() + 2 * hour);
}

const OVERRIDE_REASON = "Emergency cover while Apex renews its insurance; confirmed by phone.";

function pickStatus(random: () => number): AssignmentStatus | null {
  const total = STATUS_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [status, weight] of STATUS_WEIGHTS) {
    r -= weight;
    if (r < 0) return status;
  }
  return null;
}

// The demo's own work orders; larger worlds add theirs with seedAtScale (seed-at-scale.ts).
export const DEMO_WORK_ORDERS = 600;

export async function isSeeded(db: PrismaClient): Promise<boolean> {
  return (await db.organisation.count()) > 0;
}

export async function seedDemo(db: PrismaClient, options: { workOrders?: number; log?: (m: string) => void } = {}) {
  const log = options.log ?? (() => undefined);
  const workOrderCount = options.workOrders ?? DEMO_WORK_ORDERS;
  const random = prng(20261123);
  const day = 86_400_000;
  const now = Date.now();

  const org = await createOrganisation(db, { name: "Northwind Property Services", slug: "northwind" });
  const demo = { isDemo: true, password: DEMO_PASSWORD };
  const admin = await createStaffUser(db, org.id, "ADMIN", {
    ...demo,
    name: "Alice Admin",
    email: "alice@northwind.test",
  });
  const manager = await createStaffUser(db, org.id, "MANAGER", {
    ...demo,
    name: "Mark Manager",
    email: "mark@northwind.test",
  });
  await createStaffUser(db, org.id, "COORDINATOR", { ...demo, name: "Cora Coordinator", email: "cora@northwind.test" });

  const categories = [];
  for (const name of Object.keys(JOBS))
    categories.push(await createTrade(db, org.id, { name, requires: REQUIRED[name] }));

  const yearAhead = new Date(now + 300 * day);
  const companiesSpec = [
    {
      name: "Sparks & Sons Electrical",
      slug: "sparks",
      trades: ["Electrical", "Fire safety"],
      accreditations: ["Public liability insurance", "NICEIC registration", "BAFE certification"],
      expired: false,
    },
    {
      name: "FlowRight Plumbing & Heating",
      slug: "flowright",
      trades: ["Plumbing", "HVAC"],
      accreditations: ["Public liability insurance", "F-Gas certificate"],
      expired: false,
    },
    {
      name: "Apex Facilities",
      slug: "apex",
      trades: ["General maintenance", "Plumbing"],
      accreditations: ["Public liability insurance"],
      expired: true,
    },
  ];
  const companies = [];
  for (const [index, spec] of companiesSpec.entries()) {
    const company = await createContractorCompany(db, [org.id], {
      name: spec.name,
      email: `office@${spec.slug}.test`,
      trades: spec.trades,
    });
    for (const type of spec.accreditations) {
      await createAccreditation(db, {
        contractorCompanyId: company.id,
        type,
        expiresAt: spec.expired ? new Date(now - 20 * day) : yearAhead,
        reference: `${spec.slug.toUpperCase()}-${type.length}`,
      });
    }
    const first = spec.name.split(" ")[0];
    // Everyone in the demo has used Fieldgate recently (they answer offers and invoice).
    const signedIn = { lastSignInAt: new Date(now - (2 + index) * 3_600_000) };
    const companyAdmin = await createContractorPerson(db, company.id, "ADMIN", {
      ...signedIn,
      isDemo: true,
      name: `${first} Admin`,
      email: `admin@${spec.slug}.test`,
    });
    await createContractorPerson(db, company.id, "OFFICE", {
      ...signedIn,
      isDemo: true,
      name: `${first} Office`,
      email: `desk@${spec.slug}.test`,
    });
    const techs = [];
    for (const techName of ["Tom", "Tara"]) {
      const { person } = await createContractorPerson(db, company.id, "TECHNICIAN", {
        ...signedIn,
        isDemo: true,
        name: `${techName} (${spec.name.split(" ")[0]})`,
        email: `${techName.toLowerCase()}@${spec.slug}.test`,
        mobile: "+44 7700 900123",
      });
      techs.push(person);
    }
    // One technician lacks a personal certificate, so the Desk shows the flag.
    await createAccreditation(db, {
      contractorCompanyId: company.id,
      personId: techs[0].id,
      type: spec.accreditations.at(-1)!,
      expiresAt: yearAhead,
    });
    // Terms agreed before the oldest demo work; the last company proposes a rise, which
    // waits for the client's answer.
    const rates = DEMO_RATES[index];
    const terms = (version: number, normal: string) => ({
      organisationId: org.id,
      contractorCompanyId: company.id,
      version,
      currency: org.currency,
      normalRate: normal,
      overtimeRate: rates.overtime,
      calloutRate: rates.callout,
      travelRate: rates.travel,
      calloutFee: rates.fee,
      materialMarkupPercent: rates.markup,
    });
    const card = await db.rateCard.create({
      data: {
        ...terms(1, rates.normal),
        status: "ACCEPTED",
        proposedBy: "client",
        proposedById: admin.id,
        validFrom: new Date(Math.floor((now - 400 * day) / day) * day),
        decidedAt: new Date(now - 399 * day),
        decidedById: companyAdmin.user.id,
      },
    });
    if (spec.expired)
      await db.rateCard.create({
        data: {
          ...terms(2, String(Number(rates.normal) + 4)),
          proposedBy: "contractor",
          proposedById: companyAdmin.user.id,
          validFrom: new Date(Math.floor((now + 30 * day) / day) * day),
          note: "Our hourly rates rise with the new wage agreement.",
        },
      });
    // What it holds, for the compliance gate.
    const held = spec.accreditations.map((type) => ({
      type,
      expiresAt: spec.expired ? new Date(now - 20 * day) : yearAhead,
    }));
    companies.push({ company, techs, trades: spec.trades, card, invoices: 0, held });
  }
  log(`organisation ${org.name}: 3 staff, 3 contractor companies`);

  const sites = [];
  for (let i = 0; i < 20; i++) {
    sites.push(
      await db.site.create({
        data: {
          organisationId: org.id,
          name: `${pick(random, SITE_KINDS)} ${i + 1}`,
          addressLine1: `${10 + i * 7} ${pick(random, STREETS)}`,
          city: CITIES[i % CITIES.length],
          postcode: `LS${1 + (i % 9)} ${1 + (i % 7)}AB`,
          region: i < 10 ? "North" : "South",
          accessDetails:
            i % 3 === 0
              ? "Report to reception; parking bay 4. Keys from the security desk."
              : "Key safe by the side gate, code 4821.",
          contactName: "Facilities desk",
          contactPhone: "+44 113 496 0000",
        },
      }),
    );
  }
  const assetsBySite = new Map<string, { id: string }[]>();
  for (const [i, site] of sites.entries()) {
    const assets = [];
    for (const [kind, name] of ASSET_KINDS.slice(i % 3, (i % 3) + 2)) {
      assets.push(
        await db.asset.create({
          data: {
            organisationId: org.id,
            siteId: site.id,
            name,
            kind,
            serialNumber: `SN-${1000 + i}-${assets.length + 1}`,
          },
          select: { id: true },
        }),
      );
    }
    assetsBySite.set(site.id, assets);
  }
  log("20 sites with 2 assets each");

  const onSite = new Set<string>();
  const batch = 1000;
  for (let start = 0; start < workOrderCount; start += batch) {
    const workOrders: Prisma.WorkOrderCreateManyInput[] = [];
    const assignments: Prisma.AssignmentCreateManyInput[] = [];
    const technicians: Prisma.AssignmentTechnicianCreateManyInput[] = [];
    const events: Prisma.TimelineEventCreateManyInput[] = [];
    const serviceTasks: Prisma.ServiceTaskCreateManyInput[] = [];
    const estimateLines: Prisma.EstimateLineCreateManyInput[] = [];
    const timeEntries: Prisma.TimeEntryCreateManyInput[] = [];
    const invoices: Prisma.InvoiceCreateManyInput[] = [];
    const invoiceLines: Prisma.InvoiceLineCreateManyInput[] = [];
    const invoiceRevisions: Prisma.InvoiceRevisionCreateManyInput[] = [];
    for (let i = start; i < Math.min(start + batch, workOrderCount); i++) {
      const category = pick(random, categories);
      const site = pick(random, sites);
      const priority = pick(random, PRIORITIES);
      const title = pick(random, JOBS[category.name]);
      let status = pickStatus(random);
      const candidates = companies.filter((c) => c.trades.includes(category.name));
      const chosen = status ? (candidates.length ? pick(random, candidates) : pick(random, companies)) : null;
      // A technician is on site at one place at a time: when the company's are all on
      // site elsewhere, the visit is booked for later instead.
      if (status === "IN_PROGRESS" && chosen!.techs.every((t) => onSite.has(t.id))) status = "SCHEDULED";
      // Dated from today, so a demo always looks current: offers and planned visits are
      // recent or coming (some today), technicians on site arrived this morning, work
      // awaiting paperwork is from last week, and finished work is at least two weeks old.
      const open = status === null || ["OFFERED", "ACCEPTED", "SCHEDULED", "DECLINED", "CANCELLED"].includes(status);
      const onSiteRecently = status !== null && ["IN_PROGRESS", "REVISIT", "PERFORMED", "COMPLETED"].includes(status);
      // Open work is mostly younger than its SLA (one in eight is late); work on site or
      // awaiting paperwork is from the last weeks; finished work from the year before.
      const slaDays = SLA_HOURS[priority] / 24;
      const ageDays = open
        ? random() < 0.875
          ? random() * slaDays * 0.8
          : slaDays + random() * 5
        : onSiteRecently
          ? 1 + random() * Math.max(slaDays, 2)
          : 14 + random() * 351;
      // Reviewed work waits a few weeks at most for its invoice to be approved.
      if (status === "REVIEWED" && ageDays > 45) status = "INVOICED";
      const createdAt = new Date(now - Math.floor(ageDays * day));
      const id = newId();
      workOrders.push({
        id,
        organisationId: org.id,
        number: i + 1,
        title,
        description: "Reported by the site team. Please call the site contact on arrival.",
        siteId: site.id,
        assetId: random() < 0.5 ? pick(random, assetsBySite.get(site.id)!).id : null,
        categoryId: category.id,
        priority,
        status: status ? workOrderStatusFor(status) : "OPEN",
        createdAt,
        // A due date is a calendar day, kept as its midnight UTC as the forms store it.
        dueAt: new Date(Math.floor((createdAt.getTime() + 14 * day) / day) * day),
        slaDueAt: slaDueAt(priority, createdAt),
        purchaseOrder: random() < 0.6 ? `PO-${100000 + i}` : null,
        notToExceed: random() < 0.5 ? `${Math.round(100 + random() * 2000)}.00` : null,
        createdById: admin.id,
      });
      const notToExceed = workOrders.at(-1)!.notToExceed as string | null;
      const ownEstimateFrom = estimateLines.length;
      // A valued job has an approved estimate that adds up to its not-to-exceed amount.
      if (notToExceed !== null) {
        const labour = Math.round(Number(notToExceed) * 0.6);
        const approval = { approvedAt: createdAt, approvedById: admin.id, createdAt, createdById: admin.id };
        estimateLines.push(
          {
            ...approval,
            organisationId: org.id,
            workOrderId: id,
            position: 0,
            description: "Labour",
            quantity: "1",
            unitCode: "LS",
            unitPrice: `${labour}.00`,
            taxPercent: "20",
          },
          {
            ...approval,
            organisationId: org.id,
            workOrderId: id,
            position: 1,
            description: "Materials",
            quantity: "1",
            unitCode: "LS",
            unitPrice: `${Number(notToExceed) - labour}.00`,
            taxPercent: "20",
          },
        );
      }
      events.push({
        organisationId: org.id,
        workOrderId: id,
        actorId: admin.id,
        actorLabel: admin.name,
        type: "work_order.created",
        data: { number: i + 1 },
        createdAt,
      });
      if (!status || !chosen) continue;
      const assignmentId = newId();
      const offeredAt = new Date(createdAt.getTime() + 3_600_000);
      const responded = status !== "OFFERED";
      const planned = visitDate(status, createdAt, random, now);
      const gate = decideCompliance(REQUIRED[category.name], chosen.held, offeredAt);
      // Apex's insurance lapsed: work offered to it since went ahead on a manager's word.
      const override = gate.allowed
        ? null
        : overrideRecord(gate, { userId: manager.id, name: manager.name }, OVERRIDE_REASON, offeredAt);
      assignments.push({
        id: assignmentId,
        organisationId: org.id,
        workOrderId: id,
        contractorCompanyId: chosen.company.id,
        status,
        offeredAt,
        createdAt: offeredAt,
        respondedAt: responded ? new Date(offeredAt.getTime() + 2 * 3_600_000) : null,
        declineReason: status === "DECLINED" ? "No capacity in that area this week" : null,
        plannedAt: responded && status !== "DECLINED" ? planned : null,
        scheduledAt: ["SCHEDULED", "IN_PROGRESS", "REVISIT", "PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"].includes(
          status,
        )
          ? planned
          : null,
        completedAt: ["COMPLETED", "REVIEWED", "INVOICED"].includes(status)
          ? new Date(planned.getTime() + 3_600_000)
          : null,
        checkedInAt: ["IN_PROGRESS", "REVISIT", "PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"].includes(status)
          ? planned
          : null,
        revisitReason: status === "REVISIT" ? "Replacement part on order" : null,
        complianceOverride: override ?? undefined,
      });
      events.push({
        organisationId: org.id,
        workOrderId: id,
        assignmentId,
        actorId: admin.id,
        actorLabel: admin.name,
        type: "assignment.offered",
        data: { contractor: chosen.company.name },
        createdAt: offeredAt,
      });
      if (override)
        events.push({
          organisationId: org.id,
          workOrderId: id,
          actorId: manager.id,
          actorLabel: manager.name,
          type: "compliance.overridden",
          data: {
            contractor: chosen.company.name,
            reason: override.reason,
            documents: gate.problems.map(describeComplianceProblem),
          },
          createdAt: offeredAt,
        });
      if (status !== "OFFERED") {
        events.push({
          organisationId: org.id,
          workOrderId: id,
          assignmentId,
          actorId: null,
          actorLabel: chosen.company.name,
          type: "assignment.status_changed",
          data: { to: status },
          createdAt: statusChangedAt(status, offeredAt, planned),
        });
      }
      const free = chosen.techs.filter((t) => !onSite.has(t.id));
      const technician = ["OFFERED", "DECLINED", "CANCELLED"].includes(status)
        ? null
        : status === "IN_PROGRESS" && free.length
          ? pick(random, free)
          : pick(random, chosen.techs);
      if (technician && status === "IN_PROGRESS") onSite.add(technician.id);
      if (technician) technicians.push({ assignmentId, personId: technician.id });
      // Finished visits carry the technician's time on site; completed work its invoice.
      if (technician && ["PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"].includes(status)) {
        const timeEntry = {
          id: newId(),
          workDate: new Date(Math.floor(planned.getTime() / day) * day),
          minutes: 45 + ((i * 7) % 16) * 15,
        };
        timeEntries.push({
          ...timeEntry,
          organisationId: org.id,
          assignmentId,
          personId: technician.id,
          startedAt: planned,
          labourType: "NORMAL",
          source: "tech",
          createdAt: planned,
        });
        if (status === "COMPLETED" || status === "REVIEWED" || status === "INVOICED") {
          const money = demoInvoice({
            organisationId: org.id,
            currency: org.currency,
            taxPercent: org.defaultTaxPercent.toString(),
            workOrderId: id,
            workOrderCreatedAt: createdAt,
            assignmentId,
            status,
            completedAt: new Date(planned.getTime() + 3_600_000),
            timeEntry,
            card: chosen.card,
            number: `INV-${String(++chosen.invoices).padStart(5, "0")}`,
            company: chosen.company,
            decider: admin,
            chance: random(),
            now,
          });
          // Its estimate replaces the generic one: the work was valued at the agreed rates.
          estimateLines.splice(ownEstimateFrom);
          estimateLines.push(...money.estimateLines);
          workOrders.at(-1)!.notToExceed = money.notToExceed;
          invoices.push(money.invoice);
          invoiceLines.push(...money.lines);
          invoiceRevisions.push(...money.revisions);
          events.push(...money.events);
        }
      }
      if (["ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT"].includes(status)) {
        (JOB_PROCEDURES[title] ?? PROCEDURES[category.name] ?? []).forEach((step, position) =>
          serviceTasks.push({ ...step, position, organisationId: org.id, workOrderId: id }),
        );
      }
    }
    await db.workOrder.createMany({ data: workOrders });
    await db.assignment.createMany({ data: assignments });
    await db.assignmentTechnician.createMany({ data: technicians });
    // The demo's history happened when its records say, not when the seed ran.
    await db.timelineEvent.createMany({
      data: events.map((event) => ({ ...event, occurredAt: event.occurredAt ?? event.createdAt })),
    });
    await db.serviceTask.createMany({ data: serviceTasks });
    await db.estimateLine.createMany({ data: estimateLines });
    await db.timeEntry.createMany({ data: timeEntries });
    await db.invoice.createMany({ data: invoices });
    await db.invoiceLine.createMany({ data: invoiceLines });
    await db.invoiceRevision.createMany({ data: invoiceRevisions });
    if (workOrderCount > 5000 && (start / batch) % 10 === 0) log(`${start + workOrders.length} work orders`);
  }
  await db.organisation.update({ where: { id: org.id }, data: { lastWorkOrderNumber: workOrderCount } });
  for (const { company, invoices } of companies)
    await db.contractorCompany.update({ where: { id: company.id }, data: { lastInvoiceNumber: invoices } });
  await seedConversations(db, org, admin, now);
  const [sparks, flowRight] = [companies[0].company, companies[1].company];
  await seedQuotes(db, org, { managerId: manager.id }, { plumbing: flowRight, electrical: sparks }, now);
  const customer = await seedCustomers(db, org, { managerId: manager.id, managerName: manager.name }, now);
  if (customer)
    log(`work order #${customer.workOrderNumber} awaits its customer: /l/${customer.secret} opens its estimate`);
  const forms = await seedTenantRequests(db, org);
  log(`tenants report repairs at ${forms.siteForm} (${forms.siteName}) or ${forms.organisationForm} (any address)`);
  await setAttentionState(db);
  // Until autovacuum gets round to it, the planner would take freshly loaded tables for
  // empty and choose plans several times slower (16 vs 60 list requests/s at 100,000).
  await db.$executeRawUnsafe("ANALYZE");
  log(`${workOrderCount} work orders over the last 12 months`);
  return { organisationId: org.id };
}

export const CONVERSATIONS: [string, string][] = [
  ["Can you confirm access to the plant room?", "Keys are at reception; ask for the duty manager."],
  ["Is there parking on site for a van?", "Bay 4 is reserved for you on the day."],
  ["Tenant asked us to come after 10:00.", "Fine by us: we have moved the visit."],
  ["Please send photos of the damage first.", "Photos sent; the part is on order."],
  ["Do you need the old unit kept?", "No, please dispose of it."],
  ["We found a second leak behind the panel.", "Please quote for it before starting."],
];

// A month's conversations and requests, so the home's "to answer" and "to decide" counts
// mean something: on a few tasks under way the contractor wrote last (the client owes an
// answer), on others the client did; two contractors wait for a higher not-to-exceed.
async function seedConversations(
  db: PrismaClient,
  { id: organisationId, currency }: { id: string; currency: string },
  admin: { id: string },
  now: number,
) {
  const live = await db.assignment.findMany({
    where: { organisationId, status: { in: ["ACCEPTED", "SCHEDULED", "IN_PROGRESS"] } },
    orderBy: { offeredAt: "desc" },
    take: CONVERSATIONS.length + 2,
    include: {
      workOrder: { select: { notToExceed: true } },
      contractorCompany: { select: { people: { where: { role: "OFFICE" }, select: { userId: true }, take: 1 } } },
    },
  });
  const hour = 3_600_000;
  const messages: Prisma.MessageCreateManyInput[] = [];
  live.slice(0, CONVERSATIONS.length).forEach((task, index) => {
    const office = task.contractorCompany.people[0]?.userId;
    if (!office) return;
    const [question, answer] = CONVERSATIONS[index];
    // The first half: the client asked, the contractor has not been answered back.
    const [first, second] = index % 2 === 0 ? [admin.id, office] : [office, admin.id];
    const asked = new Date(Math.min(now - 2 * hour, task.offeredAt.getTime() + 3 * hour));
    for (const [offset, authorId, body] of [
      [0, first, question],
      [1, second, answer],
    ] as const) {
      messages.push({
        organisationId,
        workOrderId: task.workOrderId,
        assignmentId: task.id,
        authorId,
        body,
        createdAt: new Date(asked.getTime() + offset * hour),
      });
    }
  });
  await db.message.createMany({ data: messages });
  // Where the contractor spoke last, the client owes an answer since then (as
  // lib/messages/post-message.ts keeps it).
  for (const message of messages.filter((m) => m.authorId !== admin.id))
    await db.workOrder.updateMany({
      where: { id: message.workOrderId, messages: { none: { createdAt: { gt: message.createdAt as Date } } } },
      data: { awaitingReplySince: message.createdAt },
    });
  const valued = live.filter((task) => task.workOrder.notToExceed !== null).slice(0, 2);
  await db.nteIncreaseRequest.createMany({
    data: valued.map((task) => {
      const current = Number(task.workOrder.notToExceed);
      return {
        organisationId,
        workOrderId: task.workOrderId,
        assignmentId: task.id,
        contractorCompanyId: task.contractorCompanyId,
        reason: "The existing valve is seized: it has to be cut out and replaced.",
        currency,
        currentNotToExceed: `${current.toFixed(2)}`,
        requestedNotToExceed: `${(current + 180).toFixed(2)}`,
        lines: [
          {
            description: "Replacement isolation valve, fitted",
            quantity: "1",
            unitCode: "C62",
            unitPrice: "180.00",
            taxPercent: "20",
          },
        ],
        createdAt: new Date(now - 5 * hour),
      };
    }),
  });
}
