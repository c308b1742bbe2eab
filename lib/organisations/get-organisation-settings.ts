import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { readBusinessHours } from "./business-hours";
import { moneyRecorded } from "./money-recorded";

// The settings page: the organisation's details, its calendar and whether its currency
// can still change.
export async function getOrganisationSettings(actor: TStaffActor) {
  const [organisation, holidays, money] = await Promise.all([
    db.organisation.findUniqueOrThrow({
      where: { id: actor.organisationId },
      select: {
        name: true,
        legalName: true,
        address: true,
        taxNumber: true,
        timezone: true,
        currency: true,
        defaultTaxPercent: true,
        businessHours: true,
      },
    }),
    db.organisationHoliday.findMany({
      where: { organisationId: actor.organisationId },
      orderBy: { day: "asc" },
      select: { id: true, day: true, name: true },
    }),
    moneyRecorded(actor.organisationId),
  ]);
  return {
    ...organisation,
    businessHours: readBusinessHours(organisation.businessHours),
    holidays,
    currencyLocked: money !== null,
    moneyRecordedOn: money,
  };
}
