import { z } from "zod";
import { ZCurrency } from "@/lib/money/schemas";
import { Decimal } from "@/lib/money/decimal";
import { requiredCalendarDay } from "@/lib/time/calendar";
import { isTimeZone } from "@/lib/time/zones";
import { WEEKDAYS, type TBusinessHours } from "./weekdays";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: ${max} characters at most`)
    .transform((v) => v || null);

const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time such as 08:30");

// The open days of the business-hours rows; a row's problem is reported beside its field.
function readHoursForm(input: Record<string, unknown>, context: z.RefinementCtx): TBusinessHours {
  const businessHours: TBusinessHours = [];
  for (const [day, dayName] of WEEKDAYS) {
    if (input[`open-${day}`] !== "on") continue;
    const opens = clockTime.safeParse(text(input[`opens-${day}`]));
    const closes = clockTime.safeParse(text(input[`closes-${day}`]));
    if (!opens.success)
      context.addIssue({ code: "custom", path: [`opens-${day}`], message: "Enter a time such as 08:30" });
    if (!closes.success)
      context.addIssue({ code: "custom", path: [`closes-${day}`], message: "Enter a time such as 17:30" });
    if (!opens.success || !closes.success) continue;
    if (closes.data <= opens.data) {
      context.addIssue({
        code: "custom",
        path: [`closes-${day}`],
        message: `${dayName}: closing must be after opening`,
      });
      continue;
    }
    businessHours.push({ day, opens: opens.data, closes: closes.data });
  }
  return businessHours;
}

// The organisation settings form. Field errors are keyed by the form's field names.
// Each weekday's row of the business hours is `open-N` (ticked), `opens-N` and `closes-N`.
const text = (value: unknown) => (typeof value === "string" ? value : "");
export const ZOrganisationSettingsSchema = z
  .looseObject({
    name: z.string().trim().min(1, "Enter the organisation's name").max(200, "200 characters at most"),
    legalName: optionalText(200, "Legal name"),
    address: optionalText(500, "Address"),
    taxNumber: optionalText(40, "Tax number"),
    timezone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list, such as Europe/London"),
    currency: ZCurrency,
    defaultTaxPercent: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: "Enter a rate such as 20 or 5.5", abort: true })
      .refine((v) => new Decimal(v).lessThanOrEqualTo(100), "A rate is 100 % at most"),
  })
  // Checked even when other fields are wrong, so every error shows at once.
  .superRefine((input, context) => void readHoursForm(input, context), { when: () => true })
  .transform((input, context) => ({
    name: input.name,
    legalName: input.legalName,
    address: input.address,
    taxNumber: input.taxNumber,
    timezone: input.timezone,
    currency: input.currency,
    defaultTaxPercent: input.defaultTaxPercent,
    businessHours: readHoursForm(input, context),
  }));
export type TOrganisationSettingsInput = z.infer<typeof ZOrganisationSettingsSchema>;

export const ZAddHolidaySchema = z.object({
  day: requiredCalendarDay("Choose the day"),
  name: z.string().trim().min(1, "Name the holiday, such as Christmas Day").max(100, "100 characters at most"),
});
export type TAddHolidayInput = z.infer<typeof ZAddHolidaySchema>;
