import { FilterSelect } from "@/components/ui/filter-select";
import { FiltersPanel, type TFilterChip } from "@/components/ui/filters-panel";
import { formatCalendarDay } from "@/components/ui/format";
import { priorityWords } from "@/lib/statuses/status-words";
import { ATTENTION } from "@/lib/work-orders/attention";
import { hasFilters, listQuery } from "@/lib/work-orders/list-query";
import type { TWorkOrderListFilters } from "@/lib/work-orders/schemas";

type TOption = { id: string; name: string };
const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;

function DateFilter({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <label className="filter">
      {label}
      <input name={name} type="date" defaultValue={value} />
    </label>
  );
}

// The filters in force, each with the address of the list without it.
function chipsFor(
  filters: TWorkOrderListFilters,
  names: { sites: TOption[]; categories: TOption[]; contractors: TOption[] },
): TFilterChip[] {
  const nameOf = (options: TOption[], id?: string) => options.find((o) => o.id === id)?.name ?? "unknown";
  const day = (value?: string) => formatCalendarDay(value ? new Date(`${value}T00:00:00Z`) : null);
  const chips: [keyof TWorkOrderListFilters, string | false][] = [
    ["q", !!filters.q && `Search: ${filters.q}`],
    ["needs", !!filters.needs && (ATTENTION.find((a) => a.needs === filters.needs)?.label ?? "")],
    ["priority", !!filters.priority && `Priority: ${priorityWords(filters.priority).label}`],
    ["contractor", !!filters.contractor && `Contractor: ${nameOf(names.contractors, filters.contractor)}`],
    ["site", !!filters.site && `Site: ${nameOf(names.sites, filters.site)}`],
    ["trade", !!filters.trade && `Trade: ${nameOf(names.categories, filters.trade)}`],
    ["createdFrom", !!filters.createdFrom && `Created from ${day(filters.createdFrom)}`],
    ["createdTo", !!filters.createdTo && `Created to ${day(filters.createdTo)}`],
    ["dueFrom", !!filters.dueFrom && `Due from ${day(filters.dueFrom)}`],
    ["dueTo", !!filters.dueTo && `Due to ${day(filters.dueTo)}`],
    ["breached", !!filters.breached && "SLA breached"],
  ];
  return chips
    .filter((chip): chip is [keyof TWorkOrderListFilters, string] => !!chip[1])
    .map(([key, label]) => ({
      label,
      removeHref: `/staff?${listQuery(filters, { [key]: undefined, after: undefined })}`,
    }));
}

// A plain GET form: every filter lives in the address, so it can be bookmarked, shared and
// saved. The status is the list's tabs, not a filter here.
export function WorkOrderFilters({
  filters,
  sites,
  categories,
  contractors,
}: {
  filters: TWorkOrderListFilters;
  sites: TOption[];
  categories: TOption[];
  contractors: TOption[];
}) {
  return (
    <form className="list-filters" action="/staff" aria-label="Filters">
      <FiltersPanel
        search={
          <label className="list-search">
            <span className="visually-hidden">Search work orders</span>
            <input name="q" type="search" placeholder="Search by title or number" defaultValue={filters.q} />
          </label>
        }
        chips={chipsFor(filters, { sites, categories, contractors })}
        clearHref={`/staff?${listQuery({ status: filters.status, sort: filters.sort, dir: filters.dir })}`}
      >
        <div className="filters">
          <FilterSelect
            name="priority"
            label="Priority"
            value={filters.priority}
            options={PRIORITIES.map((p) => ({ value: p, label: priorityWords(p).label }))}
          />
          <FilterSelect
            name="contractor"
            label="Contractor"
            value={filters.contractor}
            options={contractors.map((c) => ({ value: c.id, label: c.name }))}
          />
          <FilterSelect
            name="site"
            label="Site"
            value={filters.site}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
          <FilterSelect
            name="trade"
            label="Trade"
            value={filters.trade}
            options={categories.map((c) => ({ value: c.id, label: c.name }))}
          />
          <DateFilter name="createdFrom" label="Created from" value={filters.createdFrom} />
          <DateFilter name="createdTo" label="Created to" value={filters.createdTo} />
          <DateFilter name="dueFrom" label="Due from" value={filters.dueFrom} />
          <DateFilter name="dueTo" label="Due to" value={filters.dueTo} />
          <label className="filter checkbox">
            <input name="breached" type="checkbox" value="1" defaultChecked={!!filters.breached} /> SLA breached
          </label>
        </div>
        <div className="button-row">
          <button className="button button-primary" type="submit">
            Apply filters
          </button>
          {hasFilters(filters) && (
            <a className="button button-ghost" href="/staff">
              Clear all
            </a>
          )}
        </div>
      </FiltersPanel>
      {filters.status && <input type="hidden" name="status" value={filters.status} />}
      {filters.sort !== "created" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir !== "desc" && <input type="hidden" name="dir" value={filters.dir} />}
      {filters.needs && <input type="hidden" name="needs" value={filters.needs} />}
    </form>
  );
}
