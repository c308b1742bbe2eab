import type { PrismaClient } from "../generated/prisma/client";

// The first of the times a tenant gave for a work order (the factory's are three hours
// from 09:00 UTC), and a time of day as London's clock reads it, summer or winter.
export async function firstTenantWindow(db: PrismaClient, workOrderId: string) {
  const [first] = await db.availabilityWindow.findMany({
    where: { tenantRequest: { workOrderId } },
    orderBy: { startsAt: "asc" },
    take: 1,
  });
  return first;
}

const londonFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
export const londonClock = (at: Date) => londonFormat.format(at);
