import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { moneyRecorded } from "./money-recorded";
import type { TOrganisationSettingsInput } from "./schemas";

// Saves the settings page. The currency changes only while no amount is recorded in it;
// a new time zone applies to what is shown and typed from now on (stored instants keep
// their meaning). Saving the same values again changes nothing.
export async function updateOrganisationSettings(actor: TStaffActor, input: TOrganisationSettingsInput) {
  await db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ currency: string }[]>`
      SELECT currency FROM "Organisation" WHERE id = ${actor.organisationId} FOR UPDATE`;
    if (current.currency !== input.currency) {
      const recorded = await moneyRecorded(actor.organisationId, tx);
      if (recorded)
        throw invalidInput("Please correct the highlighted fields.", {
          currency: [
            `The currency cannot change: ${recorded} are already recorded in ${current.currency}. It stays ${current.currency}.`,
          ],
        });
    }
    await tx.organisation.update({
      where: { id: actor.organisationId },
      data: {
        name: input.name,
        legalName: input.legalName,
        address: input.address,
        taxNumber: input.taxNumber,
        timezone: input.timezone,
        currency: input.currency,
        defaultTaxPercent: input.defaultTaxPercent,
        businessHours: input.businessHours,
      },
    });
  });
}
