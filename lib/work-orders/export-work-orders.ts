import "server-only";
import { stringify } from "csv-stringify/sync";
import type { TStaffActor } from "@/lib/auth/actor";
import { statusLabel } from "@/lib/assignments/status-machine";
import { moneyString } from "@/lib/money/money-string";
import { listWorkOrders } from "./list-work-orders";
import type { TWorkOrderListFilters } from "./schemas";

const BATCH = 1000;
export const EXPORT_LIMIT = 200_000;

const HEADER = [
  "Number",
  "Title",
  "Site",
  "Trade",
  "Priority",
  "Status",
  "Contractor",
  "Contractor status",
  "Created",
  "Due",
  "SLA due",
  "Purchase order",
  "Not to exceed",
  "Currency",
];

// The filtered list as CSV, streamed page by page with the same keyset as the screen.
export function exportWorkOrdersCsv(actor: TStaffActor, filters: TWorkOrderListFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: string | undefined;
  let sent = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte-order mark so spreadsheet programs read the UTF-8 correctly.
        controller.enqueue(encoder.encode(`\uFEFF${stringify([HEADER])}`));
        return;
      }
      const { rows, nextCursor } = await listWorkOrders(actor, { ...filters, after }, BATCH);
      const records = rows.map((wo) => {
        const live = wo.assignments[0];
        return [
          wo.number,
          wo.title,
          wo.site.name,
          wo.category?.name ?? "",
          wo.priority,
          wo.status,
          live?.contractorCompany.name ?? "",
          live ? statusLabel(live.status) : "",
          wo.createdAt.toISOString(),
          wo.dueAt?.toISOString() ?? "",
          wo.slaDueAt?.toISOString() ?? "",
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
