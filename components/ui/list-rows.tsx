"use client";
import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";
import { isListCellData, type TListCellData } from "./list-cell";
import { StatusBadge } from "./status-badge";

export type TListRowColumn = { key: string; className?: string; label?: string; clip?: boolean };
export type TListRow = { key: string; selectLabel?: string; cells: (TListCellData | ReactNode)[] };

// The body of a ListTable, drawn from the cells' data in the browser and on the server
// alike. A cell that is still markup (a form, a component) is shown as it came.
// Row links are plain anchors, opened in the app by the body's one click handler: a
// next/link per row costs the server about 3 ms of a 50-row page.
export function ListRows({
  rows,
  columns,
  selectName,
  children,
}: {
  rows: TListRow[];
  columns: TListRowColumn[];
  selectName?: string;
  // Shown before the rows (the empty state).
  children?: ReactNode;
}) {
  const router = useRouter();
  const openInApp = (event: MouseEvent<HTMLTableSectionElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest<HTMLAnchorElement>("a.row-link");
    if (!link || link.target || link.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(link.pathname + link.search + link.hash);
  };
  return (
    <tbody onClick={openInApp}>
      {children}
      {rows.map((row) => (
        <tr key={row.key}>
          {selectName && (
            <td className="select-cell">
              <input type="checkbox" name={selectName} value={row.key} aria-label={row.selectLabel} />
            </td>
          )}
          {columns.map((column, index) => {
            const content = cellContent(row.cells[index]);
            return (
              <td key={column.key} className={column.className} data-label={column.label}>
                {column.clip ? <span className="cell-clip">{content}</span> : content}
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
}

function cellContent(cell: TListCellData | ReactNode): ReactNode {
  if (!isListCellData(cell)) return cell;
  switch (cell.kind) {
    case "link":
      return (
        <a href={cell.href} className="row-link">
          {cell.text}
        </a>
      );
    case "badge":
      return <StatusBadge words={cell} />;
    case "flagged":
      if (!cell.warning) return cell.text;
      return (
        <span className={["text-danger", cell.className].filter(Boolean).join(" ")}>
          {cell.text}
          <span className="visually-hidden"> ({cell.warning})</span>
        </span>
      );
    case "time":
      return <time dateTime={cell.at}>{cell.text}</time>;
  }
}
