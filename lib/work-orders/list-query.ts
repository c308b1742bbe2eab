import type { TWorkOrderListFilters } from "./schemas";

// The list's address-bar form of a set of filters (defaults left out), so links for
// sorting, paging, saving and exporting all describe the same list.
export function listQuery(filters: Partial<TWorkOrderListFilters>, changes: Partial<TWorkOrderListFilters> = {}): string {
  const merged: Record<string, string | undefined> = { ...filters, ...changes };
  if (merged.sort === "created") delete merged.sort;
  if (merged.dir === "desc") delete merged.dir;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  return params.toString();
}

export function hasFilters(filters: TWorkOrderListFilters): boolean {
  return ["q", "status", "contractor", "site", "trade", "priority", "createdFrom", "createdTo", "dueFrom", "dueTo", "breached"].some(
    (key) => !!filters[key as keyof TWorkOrderListFilters],
  );
}
