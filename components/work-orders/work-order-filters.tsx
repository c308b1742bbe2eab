import type { TWorkOrderListFilters } from "@/lib/work-orders/schemas";

type TOption = { id: string; name: string };
const STATUSES = ["OPEN", "ASSIGNED", "IN_PROGRESS", "AWAITING_REVIEW", "COMPLETED", "CANCELLED"] as const;
const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");

function Select({ name, text, value, options }: { name: string; text: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <label className="filter">
      {text}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

// A plain GET form: every filter lives in the address, so it can be bookmarked, shared and saved.
export function WorkOrderFilters({ filters, sites, categories, contractors }: { filters: TWorkOrderListFilters; sites: TOption[]; categories: TOption[]; contractors: TOption[] }) {
  return (
    <form className="filters" action="/staff" aria-label="Filters">
      <label className="filter">
        Search
        <input name="q" type="search" placeholder="Title or number" defaultValue={filters.q} />
      </label>
      <Select name="status" text="Status" value={filters.status} options={STATUSES.map((s) => ({ value: s, label: label(s) }))} />
      <Select name="priority" text="Priority" value={filters.priority} options={PRIORITIES.map((p) => ({ value: p, label: label(p) }))} />
      <Select name="contractor" text="Contractor" value={filters.contractor} options={contractors.map((c) => ({ value: c.id, label: c.name }))} />
      <Select name="site" text="Site" value={filters.site} options={sites.map((s) => ({ value: s.id, label: s.name }))} />
      <Select name="trade" text="Trade" value={filters.trade} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
      <label className="filter">
        Created from
        <input name="createdFrom" type="date" defaultValue={filters.createdFrom} />
      </label>
      <label className="filter">
        Created to
        <input name="createdTo" type="date" defaultValue={filters.createdTo} />
      </label>
      <label className="filter">
        Due from
        <input name="dueFrom" type="date" defaultValue={filters.dueFrom} />
      </label>
      <label className="filter">
        Due to
        <input name="dueTo" type="date" defaultValue={filters.dueTo} />
      </label>
      <label className="filter checkbox">
        <input name="breached" type="checkbox" value="1" defaultChecked={!!filters.breached} /> SLA breached
      </label>
      {filters.sort !== "created" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir !== "desc" && <input type="hidden" name="dir" value={filters.dir} />}
      <button className="button button-secondary" type="submit">
        Apply
      </button>
      <a href="/staff">Clear</a>
    </form>
  );
}
