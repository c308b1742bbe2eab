import { formatCalendarDay } from "./format";
import { flaggedCell } from "./list-cell";

// A due date, in red and said to be overdue once its day is over on the calendar of the
// organisation that set it (lib/time/past-due.ts decides).
export function DueDate({ day, overdue }: { day: Date | null; overdue: boolean }) {
  return (
    <span className={overdue ? "text-danger due-overdue" : undefined}>
      {formatCalendarDay(day)}
      {overdue && <span className="visually-hidden"> (overdue)</span>}
    </span>
  );
}

// The same, as a list's cell.
export const dueCell = (day: Date | null, overdue: boolean) =>
  flaggedCell(formatCalendarDay(day), overdue ? "overdue" : null, "due-overdue");
