import "server-only";
import type { WorkOrderStatus } from "@/generated/prisma/client";
import type { TStaffActor } from "@/lib/auth/actor";
import { COUNT_CAP, GLANCE_CAP } from "@/lib/lists/count-cap";
import { listColumnsRead } from "@/lib/preferences/list-columns";
import { readTogether } from "@/lib/database/read-together";
import { attentionRead } from "./count-attention";
import { workOrderFormOptionsRead } from "./list-form-options";
import { PAGE_SIZE, workOrderCountsRead, workOrderListRead } from "./list-work-orders";
import { savedFiltersRead } from "./saved-filters";
import type { TWorkOrderListFilters } from "./schemas";

// The status tabs of the staff home, "All" first.
export const HOME_STATUS_TABS: (WorkOrderStatus | undefined)[] = [
  undefined,
  "OPEN",
  "ASSIGNED",
  "IN_PROGRESS",
  "AWAITING_REVIEW",
  "COMPLETED",
  "CANCELLED",
];

// Everything the staff home reads, in one place so the lists benchmark times what the page
// does: the page of work orders, its count and each status tab's, what needs attention and
// the filters' choices, the saved views and the chosen columns, in one statement.
export async function loadStaffHome(actor: TStaffActor, filters: TWorkOrderListFilters, now = new Date()) {
  const [page, [count, ...tabCounts], attention, options, savedFilters, shownColumns] = await readTogether([
    workOrderListRead(actor, filters, PAGE_SIZE, now),
    // Each tab counts what it would show with the other filters, up to GLANCE_CAP.
    workOrderCountsRead(
      actor,
      [
        { filters, cap: COUNT_CAP },
        ...HOME_STATUS_TABS.map((status) => ({ filters: { ...filters, status }, cap: GLANCE_CAP })),
      ],
      now,
    ),
    attentionRead(actor, now),
    workOrderFormOptionsRead(actor),
    savedFiltersRead(actor),
    listColumnsRead(actor.userId, "staffWorkOrders"),
  ]);
  return { ...page, count, tabCounts, attention, options, savedFilters, shownColumns };
}
