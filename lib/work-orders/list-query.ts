import "server-only";
import { addressQuery } from "@/lib/lists/address-query";
import { ZWorkOrderListSchema, type TWorkOrderListFilters } from "./schemas";

const DEFAULTS = ZWorkOrderListSchema.parse({});

// The staff list's address for a set of filters, with some of them changed.
export function listQuery(
  filters: Partial<TWorkOrderListFilters>,
  changes: Partial<TWorkOrderListFilters> = {},
): string {
  return addressQuery({ ...filters, ...changes }, DEFAULTS);
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
  ].some((key) => !!filters[key as keyof TWorkOrderListFilters]);
}
