import "server-only";
import { AssignmentStatus, Prisma, type Priority } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { deskAssignmentSqlScope } from "@/lib/authz/sql-scopes";
import { asJsonArray, fromJsonRow } from "@/lib/database/json-rows";
import { db } from "@/lib/db";
import { listRead, readTogether, type TRead } from "@/lib/database/read-together";
import {
  decodeCursor,
  keysetAfter,
  keysetOrderBy,
  keysetPage,
  type TCursor,
  type TSortDir,
  type TSortKey,
} from "@/lib/lists/keyset";
import { containsPattern, searchedNumber } from "@/lib/lists/text-search";
import { dayInZone, startOfDayInZone } from "@/lib/time/zones";
import { COUNT_CAP, type TCapped } from "@/lib/lists/count-cap";
import type { TDeskTaskListFilters } from "./schemas";

export const DESK_PAGE_SIZE = 100;

export type TDeskTaskRow = {
  id: string;
  status: AssignmentStatus;
  createdAt: Date;
  offeredAt: Date;
  plannedAt: Date | null;
  scheduledAt: Date | null;
  organisationId: string;
  // The client; due dates are days on its calendar.
  organisation: { name: string; timezone: string };
  contractorCompany: { name: string };
  workOrder: {
    number: number;
    title: string;
    priority: Priority;
    dueAt: Date | null;
    site: { name: string; city: string };
  };
  technicians: { person: { user: { name: string } } }[];
  // The zone of the task's visit times: its site's, else its client's.
  timeZone: string;
};

// Every sort ends in the work order number and the task id, so ties (two tasks due the
// same day, one work order offered twice) never skip or repeat a row between pages.
const tie: TSortKey<TDeskTaskRow>[] = [
  { sql: Prisma.sql`w.number`, type: "int", of: (t) => t.workOrder.number },
  { sql: Prisma.sql`a.id`, type: "text", of: (t) => t.id },
];
// The Desk's first view: what needs the office now. New offers; then technicians on site;
// then visits from today on, soonest first; then open tasks with a date gone by or no
// date; then work performed awaiting paperwork; then completed work awaiting the client's
// review; finished work last. "Today" is on the calendar of each task's site. Within a
// rank, by visit and then by task: the order of the index the page is read from
// (actionPage below).
const ACTION_RANKS = { offered: 0, onSite: 1, upcoming: 2, undatedOrPast: 3, performed: 4, completed: 5, finished: 6 };
const VISIT_PENDING: AssignmentStatus[] = ["ACCEPTED", "SCHEDULED", "REVISIT"];
// The rank as far as the status alone says it (a visit pending is 2 until its date is
// read), and the visit with none last: both written exactly as the index
// "Assignment_desk_action_idx" has them (migration desk_action_order_index).
const ACTION_GROUP = Prisma.raw(
  `(CASE a.status WHEN 'OFFERED' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'ACCEPTED' THEN 2 WHEN 'SCHEDULED' THEN 2 WHEN 'REVISIT' THEN 2 WHEN 'PERFORMED' THEN 4 WHEN 'COMPLETED' THEN 5 ELSE 6 END)`,
);
const NO_VISIT = new Date("9999-12-31T00:00:00.000Z");
const VISIT_KEY = Prisma.raw(`COALESCE(a."scheduledAt", a."plannedAt", '9999-12-31 00:00:00'::timestamp(3))`);

export function actionRank(task: Pick<TDeskTaskRow, "status" | "scheduledAt" | "plannedAt" | "timeZone">, now: Date) {
  if (task.status === "OFFERED") return ACTION_RANKS.offered;
  if (task.status === "IN_PROGRESS") return ACTION_RANKS.onSite;
  if (VISIT_PENDING.includes(task.status)) {
    const visit = task.scheduledAt ?? task.plannedAt;
    const today = startOfDayInZone(dayInZone(now, task.timeZone), task.timeZone);
    return visit && visit >= today ? ACTION_RANKS.upcoming : ACTION_RANKS.undatedOrPast;
  }
  if (task.status === "PERFORMED") return ACTION_RANKS.performed;
  if (task.status === "COMPLETED") return ACTION_RANKS.completed;
  return ACTION_RANKS.finished;
}

function actionKeys(now: Date): TSortKey<TDeskTaskRow>[] {
  return [
    { sql: Prisma.sql`task.rank`, type: "int", of: (t) => actionRank(t, now) },
    { sql: VISIT_KEY, type: "timestamp", of: (t) => t.scheduledAt ?? t.plannedAt ?? NO_VISIT },
    { sql: Prisma.sql`a.id`, type: "text", of: (t) => t.id },
  ];
}

// A day on any clock starts less than 26 hours before any moment in it (a 25-hour day at
// a clock change).
const DAY_BOUND_MS = 26 * 3_600_000;

const SORT_KEYS: Record<Exclude<TDeskTaskListFilters["sort"], "action">, TSortKey<TDeskTaskRow>[]> = {
  // clientPage orders by these same columns, its own way.
  client: [
    { sql: Prisma.sql`o.name`, type: "text", of: (t) => t.organisation.name },
    { sql: Prisma.sql`a."organisationId"`, type: "text", of: (t) => t.organisationId },
    ...tie,
  ],
  site: [{ sql: Prisma.sql`s.name`, type: "text", of: (t) => t.workOrder.site.name }, ...tie],
  // The status order is the lifecycle's (the enum's), not the alphabet's.
  status: [
    {
      sql: Prisma.sql`a.status`,
      type: { enum: "AssignmentStatus", values: Object.values(AssignmentStatus) },
      of: (t) => t.status,
    },
    ...tie,
  ],
  due: [{ sql: Prisma.sql`w."dueAt"`, type: "timestamp", nullable: true, of: (t) => t.workOrder.dueAt }, ...tie],
  // The Scheduled column shows the visit date, or until there is one the planned date.
  scheduled: [
    {
      sql: Prisma.sql`COALESCE(a."scheduledAt", a."plannedAt")`,
      type: "timestamp",
      nullable: true,
      of: (t) => t.scheduledAt ?? t.plannedAt,
    },
    ...tie,
  ],
};

type TDeskTaskSqlRow = Omit<TDeskTaskRow, "organisation" | "contractorCompany" | "workOrder" | "technicians"> & {
  organisationName: string;
  organisationTimeZone: string;
  companyName: string;
  number: number;
  title: string;
  priority: Priority;
  dueAt: Date | null;
  siteName: string;
  siteCity: string;
  technicianNames: string[];
};

const rowFromJson = fromJsonRow<TDeskTaskSqlRow>()(["createdAt", "offeredAt", "plannedAt", "scheduledAt", "dueAt"]);

function filterConditions(actor: TDeskActor, filters: Partial<TDeskTaskListFilters>): Prisma.Sql[] {
  const conditions = [deskAssignmentSqlScope(actor, "task.read")];
  if (filters.status) conditions.push(Prisma.sql`a.status = ${filters.status}::"AssignmentStatus"`);
  if (filters.client) conditions.push(Prisma.sql`a."organisationId" = ${filters.client}`);
  if (filters.technician) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "AssignmentTechnician" t WHERE t."assignmentId" = a.id AND t."personId" = ${filters.technician})`,
    );
  }
  if (filters.q) conditions.push(Prisma.sql`a."workOrderId" IN (SELECT id FROM searched)`);
  return conditions;
}

// A statement whose conditions search reads the work orders found once, before any of its
// parts: the action order's runs each join to it instead of searching again.
function withSearch(actor: TDeskActor, filters: Partial<TDeskTaskListFilters>, statement: Prisma.Sql): Prisma.Sql {
  if (!filters.q) return statement;
  return Prisma.sql`WITH searched AS MATERIALIZED (${searchedWorkOrders(actor, filters.q)}) ${statement}`;
}

// The work orders a search finds among the companies' clients: by title, by site name or
// by number. Each reads its own index (the title and site name ones are of trigrams,
// client by client), so a search costs what it finds, not what the contractor has.
function searchedWorkOrders(actor: TDeskActor, q: string): Prisma.Sql {
  const companyIds = deskCompaniesAllowed(actor, "task.read");
  const clients = Prisma.sql`SELECT n."organisationId" FROM "NetworkLink" n
    WHERE n."contractorCompanyId" IN (${companyIds.length ? Prisma.join(companyIds) : Prisma.sql`NULL`})`;
  const pattern = containsPattern(q);
  const number = searchedNumber(q);
  return Prisma.sql`
    SELECT wt.id FROM "WorkOrder" wt WHERE wt."organisationId" IN (${clients}) AND wt.title ILIKE ${pattern}
    UNION ALL
    SELECT ws.id FROM "Site" st JOIN "WorkOrder" ws ON ws."organisationId" = st."organisationId" AND ws."siteId" = st.id
    WHERE st."organisationId" IN (${clients}) AND st.name ILIKE ${pattern}
    ${number === null ? Prisma.empty : Prisma.sql`UNION ALL SELECT wn.id FROM "WorkOrder" wn WHERE wn."organisationId" IN (${clients}) AND wn.number = ${number}`}`;
}

// What each row shows; queries using these alias the tables a, cc, w and s.
const TASK_COLUMNS = Prisma.sql`
  a.id, a.status::text AS status, a."createdAt", a."offeredAt", a."plannedAt", a."scheduledAt", a."organisationId", cc.name AS "companyName",
  w.number, w.title, w.priority::text AS priority, w."dueAt", s.name AS "siteName", s.city AS "siteCity",
  COALESCE(s.timezone, (SELECT tz.timezone FROM "Organisation" tz WHERE tz.id = a."organisationId")) AS "timeZone",
  ARRAY(SELECT u.name FROM "AssignmentTechnician" t JOIN "ContractorPerson" p ON p.id = t."personId" JOIN "User" u ON u.id = p."userId"
        WHERE t."assignmentId" = a.id ORDER BY t."assignedAt", t."personId") AS "technicianNames"`;
const WORK_ORDER_TABLES = Prisma.sql`
  JOIN "WorkOrder" w ON w.id = a."workOrderId"
  JOIN "Site" s ON s.id = w."siteId"`;
const TASK_TABLES = Prisma.sql`
  "Assignment" a
  JOIN "ContractorCompany" cc ON cc.id = a."contractorCompanyId"
  ${WORK_ORDER_TABLES}`;

type TPageQuery = {
  actor: TDeskActor;
  conditions: Prisma.Sql[];
  dir: TSortDir;
  cursor: TCursor | null;
  limit: number;
};

// Sorted by a column: every matching task is joined and sorted, then cut at the page.
function columnPage(keys: TSortKey<TDeskTaskRow>[], { conditions, dir, cursor, limit }: TPageQuery): Prisma.Sql {
  const all = cursor ? [...conditions, keysetAfter(keys, dir, cursor)] : conditions;
  return Prisma.sql`
    SELECT ${TASK_COLUMNS}, o.name AS "organisationName", o.timezone AS "organisationTimeZone"
    FROM ${TASK_TABLES} JOIN "Organisation" o ON o.id = a."organisationId"
    WHERE ${Prisma.join(all, " AND ")}
    ORDER BY ${keysetOrderBy(keys, dir)}
    LIMIT ${limit}`;
}

// The Desk's own order, client by client and then by work order number, is read client
// by client: within one client the work orders come in number order straight from their
// (organisation, number) index, so the first page does not join and sort every task of
// a contractor with thousands. The cursor's client resumes after its number; the clients
// after it start from their first.
function clientPage({ actor, conditions, dir, cursor, limit }: TPageQuery): Prisma.Sql {
  const [beyond, orAt, edge, order] = dir === "asc" ? [">", ">=", -(2 ** 31), "ASC"] : ["<", "<=", 2 ** 31 - 1, "DESC"];
  const [name, clientId, number, id] = cursor ?? [];
  const within = cursor
    ? Prisma.sql`AND w.number ${Prisma.raw(orAt)} CASE WHEN o.id = ${clientId} THEN ${number}::int ELSE ${edge}::int END
                 AND (o.id <> ${clientId} OR (w.number, a.id) ${Prisma.raw(beyond)} (${number}::int, ${id}::text))`
    : Prisma.empty;
  const fromClient = cursor
    ? Prisma.sql`AND (o.name, o.id) ${Prisma.raw(orAt)} (${name}::text, ${clientId}::text)`
    : Prisma.empty;
  return Prisma.sql`
    SELECT task.*, o.name AS "organisationName", o.timezone AS "organisationTimeZone"
    FROM "Organisation" o
    CROSS JOIN LATERAL (
      SELECT ${TASK_COLUMNS} FROM ${TASK_TABLES}
      WHERE a."organisationId" = o.id AND w."organisationId" = o.id AND ${Prisma.join(conditions, " AND ")} ${within}
      ORDER BY w.number ${Prisma.raw(order)}, a.id ${Prisma.raw(order)}
      LIMIT ${limit}) task
    WHERE o.id IN (SELECT a."organisationId" FROM "Assignment" a WHERE ${deskAssignmentSqlScope(actor, "task.read")}) ${fromClient}
    ORDER BY o.name ${Prisma.raw(order)}, o.id ${Prisma.raw(order)}, task.number ${Prisma.raw(order)}, task.id ${Prisma.raw(order)}
    LIMIT ${limit}`;
}

// The action order served from the index, not by sorting every task. Per company, each
// run below is one range of the index, already in (rank, visit, task) order, and gives at
// most a page; the page is the first of those, and only its rows are joined to what they
// show. Visits pending are split by date: from now on they are upcoming and before the
// last 26 hours past on every clock; only those of the last 26 hours read the site, whose
// clock says whether they are today's (a day's visits at most, so not cut at a page).
type TActionRun = { ranks: [number, number]; where: Prisma.Sql; rank: Prisma.Sql; siteClock?: boolean };

function actionPage({ actor, conditions, dir, cursor, limit }: TPageQuery, now: Date) {
  const asc = dir === "asc";
  const [order, beyond] = asc ? ["ASC", ">"] : ["DESC", "<"];
  const at = (instant: Date) => Prisma.sql`${instant.toISOString()}::timestamp(3)`;
  const zone = Prisma.sql`COALESCE(s.timezone, (SELECT tz.timezone FROM "Organisation" tz WHERE tz.id = a."organisationId"))`;
  const today = Prisma.sql`((date_trunc('day', ${now.toISOString()}::timestamptz AT TIME ZONE ${zone}) AT TIME ZONE ${zone}) AT TIME ZONE 'UTC')`;
  const dayBound = at(new Date(now.getTime() - DAY_BOUND_MS));
  const { upcoming, undatedOrPast } = ACTION_RANKS;
  // A rank is a constant of the statement, written in it (a bound value would be text).
  const constant = (rank: number) => Prisma.raw(String(rank));
  const runs: TActionRun[] = [
    { ranks: [0, 1], where: Prisma.sql`${ACTION_GROUP} < 2`, rank: ACTION_GROUP },
    {
      ranks: [upcoming, upcoming],
      where: Prisma.sql`${ACTION_GROUP} = 2 AND ${VISIT_KEY} >= ${at(now)} AND ${VISIT_KEY} < ${at(NO_VISIT)}`,
      rank: constant(upcoming),
    },
    {
      ranks: [upcoming, undatedOrPast],
      where: Prisma.sql`${ACTION_GROUP} = 2 AND ${VISIT_KEY} >= ${dayBound} AND ${VISIT_KEY} < ${at(now)}`,
      rank: Prisma.sql`(CASE WHEN ${VISIT_KEY} >= ${today} THEN ${constant(upcoming)} ELSE ${constant(undatedOrPast)} END)`,
      siteClock: true,
    },
    {
      ranks: [undatedOrPast, undatedOrPast],
      where: Prisma.sql`${ACTION_GROUP} = 2 AND ${VISIT_KEY} < ${dayBound}`,
      rank: constant(undatedOrPast),
    },
    {
      ranks: [undatedOrPast, undatedOrPast],
      where: Prisma.sql`${ACTION_GROUP} = 2 AND ${VISIT_KEY} = ${at(NO_VISIT)}`,
      rank: constant(undatedOrPast),
    },
    { ranks: [4, 6], where: Prisma.sql`${ACTION_GROUP} > 2`, rank: ACTION_GROUP },
  ];
  // A cursor leaves out the runs wholly before it, and within the others the rows up to it.
  const [cursorRank, cursorVisit, cursorId] = (cursor ?? []) as [number, string, string];
  const wanted = runs.filter(({ ranks: [low, high] }) => !cursor || (asc ? high >= cursorRank : low <= cursorRank));
  const selects = deskCompaniesAllowed(actor, "task.read").flatMap((companyId) =>
    wanted.map((run) => {
      const where = [Prisma.sql`a."contractorCompanyId" = ${companyId}`, run.where, ...conditions];
      const [low, high] = run.ranks;
      // Rows of one rank compare by (visit, task), which the index reads from the cursor on.
      if (cursor && low === high && low === cursorRank)
        where.push(
          Prisma.sql`(${VISIT_KEY}, a.id) ${Prisma.raw(beyond)} (${cursorVisit}::timestamp(3), ${cursorId}::text)`,
        );
      else if (cursor && low !== high)
        where.push(
          Prisma.sql`(${run.rank}, ${VISIT_KEY}, a.id) ${Prisma.raw(beyond)} (${cursorRank}::int, ${cursorVisit}::timestamp(3), ${cursorId}::text)`,
        );
      const tables = run.siteClock ? Prisma.sql`"Assignment" a ${WORK_ORDER_TABLES}` : Prisma.sql`"Assignment" a`;
      return Prisma.sql`(SELECT a.id, ${run.rank}::int AS rank, ${VISIT_KEY} AS visit
          FROM ${tables}
          WHERE ${Prisma.join(where, " AND ")}
          ORDER BY ${run.siteClock ? Prisma.empty : Prisma.sql`${ACTION_GROUP} ${Prisma.raw(order)}, `}${VISIT_KEY} ${Prisma.raw(order)}, a.id ${Prisma.raw(order)}
          ${run.siteClock ? Prisma.empty : Prisma.sql`LIMIT ${limit}`})`;
    }),
  );
  if (selects.length === 0) return Prisma.sql`SELECT NULL WHERE FALSE`;
  const pageOrder = (table: string) =>
    Prisma.raw(`${table}.rank ${order}, ${table}.visit ${order}, ${table}.id ${order}`);
  return Prisma.sql`
    SELECT ${TASK_COLUMNS}, o.name AS "organisationName", o.timezone AS "organisationTimeZone"
    FROM (SELECT * FROM (${Prisma.join(selects, " UNION ALL ")}) runs ORDER BY ${pageOrder("runs")} LIMIT ${limit}) task
    JOIN "Assignment" a ON a.id = task.id
    JOIN "ContractorCompany" cc ON cc.id = a."contractorCompanyId"
    ${WORK_ORDER_TABLES}
    JOIN "Organisation" o ON o.id = a."organisationId"
    ORDER BY ${pageOrder("task")}`;
}

// The Desk dashboard: every task offered to the person's companies, across clients, one
// keyset page in one statement (the technicians' names folded into each row). The
// statement and its reader are apart so the lists benchmark can run this very statement.
export function deskTaskListQuery(
  actor: TDeskActor,
  filters: Partial<TDeskTaskListFilters> = {},
  pageSize = DESK_PAGE_SIZE,
  now = new Date(),
) {
  const sort = filters.sort ?? "action";
  const keys = sort === "action" ? actionKeys(now) : SORT_KEYS[sort];
  const query: TPageQuery = {
    actor,
    conditions: filterConditions(actor, filters),
    dir: filters.dir ?? "asc",
    cursor: decodeCursor(filters.after, keys),
    limit: pageSize + 1,
  };
  const sql = asJsonArray(
    withSearch(
      actor,
      filters,
      sort === "client" ? clientPage(query) : sort === "action" ? actionPage(query, now) : columnPage(keys, query),
    ),
  );
  const read = ([{ rows: page }]: { rows: unknown[] }[]) => {
    const rows: TDeskTaskRow[] = page
      .map(rowFromJson)
      .map(
        ({
          organisationName,
          organisationTimeZone,
          companyName,
          number,
          title,
          priority,
          dueAt,
          siteName,
          siteCity,
          technicianNames,
          ...task
        }) => ({
          ...task,
          organisation: { name: organisationName, timezone: organisationTimeZone },
          contractorCompany: { name: companyName },
          workOrder: { number, title, priority, dueAt, site: { name: siteName, city: siteCity } },
          technicians: technicianNames.map((name) => ({ person: { user: { name } } })),
        }),
      );
    return keysetPage(rows, pageSize, keys);
  };
  return { sql, read };
}

// The page as one read among others of the same page (lib/database/read-together.ts).
export function deskTaskListRead(
  actor: TDeskActor,
  filters: Partial<TDeskTaskListFilters> = {},
  pageSize = DESK_PAGE_SIZE,
  now = new Date(),
) {
  return listRead(deskTaskListQuery(actor, filters, pageSize, now));
}

export async function listDeskTasks(
  actor: TDeskActor,
  filters: Partial<TDeskTaskListFilters> = {},
  pageSize = DESK_PAGE_SIZE,
  now = new Date(),
) {
  const query = deskTaskListQuery(actor, filters, pageSize, now);
  return query.read(await db.$queryRaw<{ rows: unknown[] }[]>(query.sql));
}

// How many tasks match the filters, up to the staff list's cap (a contractor can hold
// thousands of tasks; past the cap the Desk says "more than"), read from the tasks' own
// index (a search joins them to the work orders it found).
export function deskTaskCountRead(actor: TDeskActor, filters: Partial<TDeskTaskListFilters> = {}): TRead<TCapped> {
  return {
    sql: withSearch(
      actor,
      filters,
      Prisma.sql`SELECT count(*)::int FROM (
        SELECT 1 FROM "Assignment" a WHERE ${Prisma.join(filterConditions(actor, filters), " AND ")} LIMIT ${COUNT_CAP + 1}) capped`,
    ),
    read: (matches) => ({ matches: Math.min(matches as number, COUNT_CAP), more: (matches as number) > COUNT_CAP }),
  };
}

export async function countDeskTasks(actor: TDeskActor, filters: Partial<TDeskTaskListFilters> = {}) {
  const [count] = await readTogether([deskTaskCountRead(actor, filters)]);
  return count;
}

// The clients whose tasks the person sees, for the client filter: the companies' network
// links (never removed, so every client they have worked for), each with a task.
export function deskClientsRead(actor: TDeskActor): TRead<{ id: string; name: string }[]> {
  const companyIds = deskCompaniesAllowed(actor, "task.read");
  const companies = companyIds.length ? Prisma.join(companyIds) : Prisma.sql`NULL`;
  return {
    sql: Prisma.sql`SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name, o.id), '[]')
      FROM "Organisation" o
      WHERE o.id IN (SELECT n."organisationId" FROM "NetworkLink" n WHERE n."contractorCompanyId" IN (${companies}))
        AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."organisationId" = o.id AND a."contractorCompanyId" IN (${companies}))`,
    read: (clients) => clients as { id: string; name: string }[],
  };
}

export async function listDeskClients(actor: TDeskActor) {
  const [clients] = await readTogether([deskClientsRead(actor)]);
  return clients;
}
