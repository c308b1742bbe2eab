import type { ReactNode } from "react";

type TValues = { from?: string; to?: string; client?: string };

function FilterField({
  label,
  name,
  errors,
  children,
}: {
  label: string;
  name: string;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className={errors ? "filter field-invalid" : "filter"}>
      <label htmlFor={`report-${name}`}>{label}</label>
      {children}
      {errors?.map((message) => (
        <small key={message} className="field-error" id={`report-${name}-error`}>
          {message}
        </small>
      ))}
    </div>
  );
}

// A plain GET form, so a report can be bookmarked and reopened with the same figures.
export function DeskReportFilters({
  values,
  errors = {},
  clients,
}: {
  values: TValues;
  errors?: Partial<Record<keyof TValues, string[]>>;
  clients: { id: string; name: string }[];
}) {
  const described = (name: keyof TValues) => (errors[name] ? `report-${name}-error` : undefined);
  return (
    <form className="filters" action="/desk/reports" aria-label="Report filters" noValidate>
      <FilterField label="From month" name="from" errors={errors.from}>
        <input
          id="report-from"
          name="from"
          type="month"
          placeholder="YYYY-MM"
          defaultValue={values.from}
          aria-invalid={!!errors.from}
          aria-describedby={described("from")}
        />
      </FilterField>
      <FilterField label="To month" name="to" errors={errors.to}>
        <input
          id="report-to"
          name="to"
          type="month"
          placeholder="YYYY-MM"
          defaultValue={values.to}
          aria-invalid={!!errors.to}
          aria-describedby={described("to")}
        />
      </FilterField>
      {(clients.length > 1 || errors.client) && (
        <FilterField label="Client" name="client" errors={errors.client}>
          <select
            id="report-client"
            name="client"
            defaultValue={values.client ?? ""}
            aria-invalid={!!errors.client}
            aria-describedby={described("client")}
          >
            <option value="">All clients</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </FilterField>
      )}
      <button className="button button-secondary" type="submit">
        Show
      </button>
      <a href="/desk/reports">Last 12 months</a>
    </form>
  );
}
