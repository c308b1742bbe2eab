import { FilterSelect } from "@/components/ui/filter-select";
import { workOrderStatusWords } from "@/lib/statuses/status-words";
import type { TWorkOrderListFilters } from "@/lib/work-orders/schemas";

type TOption = { id: string; name: string };
const STATUSES = ["OPEN", "ASSIGNED", "IN_PROGRESS", "AWAITING_REVIEW", "COMPLETED", "CANCELLED"] as const;
const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");

function DateFilter({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <label className="filter">
      {label}
      <input name={name} type="date" defaultValue={value} />
    </label>
  );
}

// A plain GET form: every filter lives in the address, so it can be bookmarked, shared and saved.
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
    <form className="filters" action="/staff" aria-label="Filters">
      <label className="filter">
        Search
        <input name="q" type="search" placeholder="Title or number" defaultValue={filters.q} />
      </label>
      <FilterSelect
        name="status"
        label="Status"
        value={filters.status}
        options={STATUSES.map((s) => ({ value: s, label: workOrderStatusWords(s).label }))}
      />
      <FilterSelect
        name="priority"
        label="Priority"
        value={filters.priority}
        options={PRIORITIES.map((p) => ({ value: p, label: label(p) }))}
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
      {filters.sort !== "created" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir !== "desc" && <input type="hidden" name="dir" value={filters.dir} />}
      {filters.needs && <input type="hidden" name="needs" value={filters.needs} />}
      <button className="button button-secondary" type="submit">
        Apply
      </button>
      <a className="button button-ghost" href="/staff">
        Clear
      </a>
    </form>
  );
}
