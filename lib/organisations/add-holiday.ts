import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { formatCalendarDay } from "@/lib/time/zones";
import type { TAddHolidayInput } from "./schemas";

// A day the organisation is closed. A day already listed is refused beside the field
// (a second click of "Add" finds it there).
export async function addHoliday(actor: TStaffActor, input: TAddHolidayInput) {
  const existing = await db.organisationHoliday.findUnique({
    where: { organisationId_day: { organisationId: actor.organisationId, day: input.day } },
  });
  if (existing) {
    if (existing.name === input.name) return existing;
    throw invalidInput("Please correct the highlighted fields.", {
      day: [`${formatCalendarDay(input.day)} is already a holiday: ${existing.name}`],
    });
  }
  return db.organisationHoliday
    .create({ data: { organisationId: actor.organisationId, day: input.day, name: input.name } })
    .catch(async (error) => {
      // Two tabs adding the same day at once: the second finds the first's.
      const first = await db.organisationHoliday.findUnique({
        where: { organisationId_day: { organisationId: actor.organisationId, day: input.day } },
      });
      if (first?.name === input.name) return first;
      throw error;
    });
}
