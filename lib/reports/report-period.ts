// Report months are calendar months in UTC, written "YYYY-MM", the same clock the app
// uses to show dates (components/ui/format.ts).

export const MONTH_PATTERN = /^20\d{2}-(0[1-9]|1[0-2])$/;

const parts = (month: string) => month.split("-").map(Number) as [number, number];

export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function monthStart(month: string): Date {
  const [year, index] = parts(month);
  return new Date(Date.UTC(year, index - 1, 1));
}

export function addMonths(month: string, count: number): string {
  const [year, index] = parts(month);
  return monthOf(new Date(Date.UTC(year, index - 1 + count, 1)));
}

// Inclusive: the number of months from `from` to `to`, so 2025-01..2025-01 is 1.
export function monthSpan(from: string, to: string): number {
  const [fromYear, fromIndex] = parts(from);
  const [toYear, toIndex] = parts(to);
  return (toYear - fromYear) * 12 + (toIndex - fromIndex) + 1;
}

export function monthsBetween(from: string, to: string): string[] {
  return Array.from({ length: Math.max(monthSpan(from, to), 0) }, (_, i) => addMonths(from, i));
}
