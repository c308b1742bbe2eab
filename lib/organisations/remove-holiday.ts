import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

// Removing a holiday that is already gone changes nothing.
export async function removeHoliday(actor: TStaffActor, holidayId: string) {
  await db.organisationHoliday.deleteMany({ where: { id: holidayId, organisationId: actor.organisationId } });
}
