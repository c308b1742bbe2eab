import "server-only";
import { cookies } from "next/headers";
import { READER_ZONE_COOKIE, type TReaderClock } from "./reader-zone";
import { isTimeZone } from "./zones";

export async function readReaderClock(fallbackZone: string): Promise<TReaderClock> {
  const zone = (await cookies()).get(READER_ZONE_COOKIE)?.value;
  return zone && isTimeZone(zone) ? { zone, readerZone: zone } : { zone: fallbackZone, readerZone: null };
}
