import "server-only";
import { addressQuery } from "@/lib/lists/address-query";
import { ZWorkOrderListSchema, type TWorkOrderListFilters } from "./schemas";

const DEFAULTS = ZWorkOrderListSchema.parse({});

// The staff list's address for a set of filters, with some of them changed.
export function listQuery(
  filters: Partial<TWorkOrderListFilters>,
  changes: Partial<TWorkOrderListFilters> = {},
): string {
  // A change that names a page cursor replaces both; any other change keeps the page.
  const paging =
    "after" in changes || "before" in changes
      ? {
          after: changes.after,
          before: changes.before,
          page: changes.after || changes.before ? changes.page : undefined,
        }
      : {};
  return addressQuery({ ...filters, ...changes, ...paging }, DEFAULTS);
}

export function hasFilters(filters: TWorkOrderListFilters): boolean {
  return [
    "q",
    "status",
    "contractor",
    "site",
    "trade",
    "priority",
    "createdFrom",
    "createdTo",
    "dueFrom",
    "dueTo",
    "breached",
    "needs",
  ].some((key) => !!filters[key as keyof TWorkOrderListFilters]);
}
