import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createWorld } from "@/prisma/factories";
import { addHoliday } from "./add-holiday";
import { getOrganisationSettings } from "./get-organisation-settings";
import { removeHoliday } from "./remove-holiday";
import { ZAddHolidaySchema, ZOrganisationSettingsSchema } from "./schemas";
import { updateOrganisationSettings } from "./update-organisation-settings";

const form = (changes: Record<string, string | undefined> = {}) => {
  const data = new FormData();
  const fields: Record<string, string | undefined> = {
    name: "Harbour Estates",
    legalName: "Harbour Estates Ltd",
    address: "1 Quay Street\nBristol BS1 4DJ",
    taxNumber: "GB123456789",
    timezone: "Europe/London",
    currency: "GBP",
    defaultTaxPercent: "20",
    "open-1": "on",
    "opens-1": "08:00",
    "closes-1": "17:30",
    "open-6": "on",
    "opens-6": "09:00",
    "closes-6": "12:00",
    ...changes,
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) data.set(key, value);
  return data;
};
const fieldErrorsOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? null;
  }
};
const rejectionOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (error) => ({ code: error.code, fieldErrors: error.fieldErrors }),
  );

async function setup() {
  const world = await createWorld(db);
  return { world, admin: (await loadStaffActor(world.admin.id))! };
}

describe("organisation settings", () => {
  it("saves the details, time zone, tax rate and business hours an admin enters, and shows them back", async () => {
    const { admin } = await setup();
    await updateOrganisationSettings(
      admin,
      parseInput(ZOrganisationSettingsSchema, form({ timezone: "America/New_York", currency: "usd" })),
    );
    const settings = await getOrganisationSettings(admin);
    expect(settings).toMatchObject({
      name: "Harbour Estates",
      legalName: "Harbour Estates Ltd",
      address: "1 Quay Street\nBristol BS1 4DJ",
      taxNumber: "GB123456789",
      timezone: "America/New_York",
      currency: "USD",
      currencyLocked: false,
      businessHours: [
        { day: 1, opens: "08:00", closes: "17:30" },
        { day: 6, opens: "09:00", closes: "12:00" },
      ],
    });
    expect(settings.defaultTaxPercent.toString()).toBe("20");
    expect((await loadStaffActor(admin.userId))!.organisationTimeZone).toBe("America/New_York");
  });

  it("refuses an unknown zone, a bad rate and closing before opening beside each field, and saves nothing", async () => {
    const { world } = await setup();
    expect(
      fieldErrorsOf(() =>
        parseInput(
          ZOrganisationSettingsSchema,
          form({ timezone: "Mars/Olympus_Mons", defaultTaxPercent: "120", currency: "XYZ", "closes-1": "07:00" }),
        ),
      ),
    ).toEqual({
      timezone: ["Choose a time zone from the list, such as Europe/London"],
      currency: ["Choose a currency by its three-letter ISO 4217 code, such as GBP or EUR"],
      defaultTaxPercent: ["A rate is 100 % at most"],
      "closes-1": ["Monday: closing must be after opening"],
    });
    expect(fieldErrorsOf(() => parseInput(ZOrganisationSettingsSchema, form({ "opens-6": "9am" })))).toEqual({
      "opens-6": ["Enter a time such as 08:30"],
    });
    const unchanged = await db.organisation.findUniqueOrThrow({ where: { id: world.organisation.id } });
    expect(unchanged.timezone).toBe("Europe/London");
  });

  it("changes the currency only until an amount is recorded in it", async () => {
    const { admin, world } = await setup();
    await updateOrganisationSettings(admin, parseInput(ZOrganisationSettingsSchema, form({ currency: "EUR" })));
    expect((await getOrganisationSettings(admin)).currency).toBe("EUR");

    await db.estimateLine.create({
      data: {
        organisationId: world.organisation.id,
        workOrderId: world.workOrder.id,
        position: 1,
        description: "Replace the door closer",
        quantity: "1",
        unitPrice: "85",
        taxPercent: "20",
      },
    });
    expect((await getOrganisationSettings(admin)).currencyLocked).toBe(true);
    expect(
      await rejectionOf(
        updateOrganisationSettings(
          admin,
          parseInput(ZOrganisationSettingsSchema, form({ currency: "GBP", legalName: "Renamed Ltd" })),
        ),
      ),
    ).toEqual({
      code: "INVALID_INPUT",
      fieldErrors: { currency: ["The currency cannot change: estimates are already recorded in EUR. It stays EUR."] },
    });
    const kept = await db.organisation.findUniqueOrThrow({ where: { id: world.organisation.id } });
    expect([kept.currency, kept.legalName]).toEqual(["EUR", "Harbour Estates Ltd"]);
    // The rest of the page can still be saved with the currency as it is.
    await updateOrganisationSettings(
      admin,
      parseInput(ZOrganisationSettingsSchema, form({ currency: "EUR", legalName: "Renamed Ltd" })),
    );
    expect((await getOrganisationSettings(admin)).legalName).toBe("Renamed Ltd");
  });

  it("lists holidays by day, adds one once however often it is sent, refuses a second name for the day, and removes only its own", async () => {
    const { admin } = await setup();
    const other = await setup();
    const christmas = parseInput(ZAddHolidaySchema, { day: "2026-12-25", name: "Christmas Day" });
    const first = await addHoliday(admin, christmas);
    expect((await addHoliday(admin, christmas)).id).toBe(first.id);
    await addHoliday(admin, parseInput(ZAddHolidaySchema, { day: "2026-12-24", name: "Christmas Eve" }));
    expect(
      await rejectionOf(addHoliday(admin, parseInput(ZAddHolidaySchema, { day: "2026-12-25", name: "Boxing Day" }))),
    ).toEqual({ code: "INVALID_INPUT", fieldErrors: { day: ["25 Dec 2026 is already a holiday: Christmas Day"] } });
    expect(fieldErrorsOf(() => parseInput(ZAddHolidaySchema, { day: "2026-02-30", name: "" }))).toMatchObject({
      day: [expect.stringContaining("Enter a real date")],
      name: ["Name the holiday, such as Christmas Day"],
    });

    await removeHoliday(other.admin, first.id);
    expect((await getOrganisationSettings(admin)).holidays.map((h) => h.name)).toEqual([
      "Christmas Eve",
      "Christmas Day",
    ]);
    await removeHoliday(admin, first.id);
    await removeHoliday(admin, first.id);
    expect((await getOrganisationSettings(admin)).holidays.map((h) => h.name)).toEqual(["Christmas Eve"]);
  });
});
