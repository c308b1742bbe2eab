import "server-only";
import { stringify } from "csv-stringify/sync";
import type { TStaffActor } from "@/lib/auth/actor";
import { statusLabel } from "@/lib/statuses/status-words";
import { moneyString } from "@/lib/money/money-string";
import { exportCalendarDay, exportDay, exportInstant } from "@/lib/time/export-instant";
import { listWorkOrders } from "./list-work-orders";
import type { TWorkOrderListFilters } from "./schemas";

const BATCH = 1000;
export const EXPORT_LIMIT = 200_000;

// The due date, a calendar day, as stored; instants (created, SLA due, the visit) as the
// organisation's day and as ISO 8601 with its offset, each in a column that says which.
const header = (zone: string) => [
  "Number",
  "Title",
  "Site",
  "Trade",
  "Priority",
  "Status",
  "Contractor",
  "Contractor status",
  `Created on (${zone})`,
  "Created at (ISO 8601)",
  "Due date",
  `SLA due on (${zone})`,
  "SLA due at (ISO 8601)",
  `Visit on (${zone})`,
  "Visit at (ISO 8601)",
  "Purchase order",
  "Not to exceed",
  "Currency",
];

// The filtered list as CSV, streamed page by page with the same keyset as the screen.
export function exportWorkOrdersCsv(actor: TStaffActor, filters: TWorkOrderListFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const zone = actor.organisationTimeZone;
  let after: string | undefined;
  let sent = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte-order mark so spreadsheet programs read the UTF-8 correctly.
        controller.enqueue(encoder.encode(`\uFEFF${stringify([header(zone)])}`));
        return;
      }
      const { rows, nextCursor } = await listWorkOrders(actor, { ...filters, after }, BATCH);
      const records = rows.map((wo) => {
        const live = wo.assignments[0];
        const visit = live?.visitAt ? new Date(live.visitAt) : null;
        return [
          wo.number,
          wo.title,
          wo.site.name,
          wo.category?.name ?? "",
          wo.priority,
          wo.status,
          live?.contractorCompany.name ?? "",
          live ? statusLabel(live.status) : "",
          exportDay(wo.createdAt, zone),
          exportInstant(wo.createdAt, zone),
          exportCalendarDay(wo.dueAt),
          exportDay(wo.slaDueAt, zone),
          exportInstant(wo.slaDueAt, zone),
          exportDay(visit, zone),
          exportInstant(visit, zone),
          wo.purchaseOrder ?? "",
          wo.notToExceed == null ? "" : moneyString(wo.notToExceed, actor.organisationCurrency),
          wo.notToExceed == null ? "" : actor.organisationCurrency,
        ];
      });
      // Cells that start like a formula are neutralised, so opening the file runs nothing.
      const safe = records.map((r) =>
        r.map((cell) => (typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)),
      );
      if (safe.length) controller.enqueue(encoder.encode(stringify(safe)));
      sent += rows.length;
      after = nextCursor ?? undefined;
      if (!nextCursor || sent >= EXPORT_LIMIT) controller.close();
    },
  });
}
