import type { ReactNode } from "react";
import { SelectAll } from "./bulk-selection";
import { EmptyState } from "./empty-state";
import type { TListCellData } from "./list-cell";
import { ListRows } from "./list-rows";
import { SortHeader } from "./sort-header";

type TSortDir = "asc" | "desc";

export type TListColumn<TRow, TSort extends string = string> = {
  key: string;
  header: string;
  // Data (list-cell.ts) where it can be: the rows then travel as values, not markup.
  cell: (row: TRow) => TListCellData | ReactNode;
  // The row's name: a link on a wide screen, the card's title on a phone.
  primary?: boolean;
  sort?: TSort;
  firstDir?: TSortDir;
  className?: string;
  // Left off a phone's card, which keeps what a glance needs (title, status, site, due, who).
  phone?: false;
  // Kept to one line on a wide screen, cut with an ellipsis (a card shows it whole).
  clip?: boolean;
};

// Every list of the dashboard and the Desk: compact rows (about 40 px), a header that
// stays in view, sortable columns whose order lives in the address, and on a phone one
// card per row (its title first, then each cell after its column's name), so no list
// scrolls sideways. `select` adds a checkbox per row, named for the bulk form around it.
export function ListTable<TRow, TSort extends string = string>({
  label,
  rows,
  rowKey,
  columns,
  sort,
  select,
  empty,
  testId,
}: {
  label: string;
  rows: TRow[];
  rowKey: (row: TRow) => string;
  columns: TListColumn<TRow, TSort>[];
  sort?: { current: { sort: TSort; dir: TSortDir }; hrefFor: (sort: TSort, dir: TSortDir) => string };
  select?: { name: string; label: (row: TRow) => string };
  empty: { title: string; text?: ReactNode };
  testId?: string;
}) {
  return (
    <table className="table list-table table-stack" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          {select && (
            <th className="select-cell">
              <SelectAll name={select.name} label="Select every row on this page" />
            </th>
          )}
          {columns.map((column) =>
            column.sort && sort ? (
              <SortHeader
                key={column.key}
                sort={column.sort}
                current={sort.current}
                hrefFor={sort.hrefFor}
                firstDir={column.firstDir}
              >
                {column.header}
              </SortHeader>
            ) : (
              <th key={column.key} className={column.className}>
                {column.header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <ListRows
        selectName={select?.name}
        columns={columns.map((column) => ({
          key: column.key,
          className:
            [column.primary && "primary-cell", column.phone === false && "not-on-phone", column.className]
              .filter(Boolean)
              .join(" ") || undefined,
          label: column.primary ? undefined : column.header,
          clip: column.clip,
        }))}
        rows={rows.map((row) => ({
          key: rowKey(row),
          selectLabel: select?.label(row),
          cells: columns.map((column) => column.cell(row)),
        }))}
      >
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length + (select ? 1 : 0)} className="empty-cell">
              <EmptyState title={empty.title}>{empty.text}</EmptyState>
            </td>
          </tr>
        )}
      </ListRows>
    </table>
  );
}
