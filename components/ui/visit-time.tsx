import { formatVisit } from "@/lib/time/zones";
import { timeCell } from "./list-cell";

// A visit's time as its site's wall clock, the zone named unless the reader shares it.
export function VisitTime({
  at,
  zone,
  readerZone = null,
}: {
  at: Date | null | undefined;
  zone: string;
  readerZone?: string | null;
}) {
  if (!at) return <>—</>;
  return <time dateTime={at.toISOString()}>{formatVisit(at, zone, readerZone)}</time>;
}

// The same, as a list's cell.
export const visitCell = (at: Date | null | undefined, zone: string, readerZone: string | null) =>
  timeCell(at, at ? formatVisit(at, zone, readerZone) : "");
