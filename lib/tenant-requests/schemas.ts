import { z } from "zod";
import { checkboxField } from "@/lib/forms/checkbox";
import { zEmail } from "@/lib/email-address";
import { dayField, timeOfDayField } from "@/lib/forms/day-and-time";
import { optionalText } from "@/lib/forms/optional-text";
import { rowsFromForm } from "@/lib/forms/rows-from-form";
import { ZIdSchema } from "@/lib/ids";

import { MAX_WINDOWS } from "./limits";

// One time the tenant can be there, on the site's clock: a day and two times on it.
export const ZAvailabilityWindowSchema = z
  .object({
    day: dayField(),
    from: timeOfDayField("Enter a start time, like 09:00"),
    to: timeOfDayField("Enter an end time, like 12:00"),
  })
  .refine((w) => w.to > w.from, { message: "End after it starts", path: ["to"] });
export type TAvailabilityWindowInput = z.infer<typeof ZAvailabilityWindowSchema>;

const ZWindowsSchema = z
  .array(ZAvailabilityWindowSchema)
  .min(1, "Give at least one time you can be there")
  .max(MAX_WINDOWS, `Give at most ${MAX_WINDOWS} times`);

// "emergency.<questionId>": "yes" | "no", read into one map.
function answersFromForm(input: unknown): unknown {
  if (typeof input !== "object" || input === null || "emergencyAnswers" in input) return input;
  const answers: Record<string, string> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith("emergency.")) answers[key.slice("emergency.".length)] = String(value);
    else rest[key] = value;
  }
  return { ...rest, emergencyAnswers: answers };
}

// The request form, shared by the page and the server: the site's form (siteKey) or the
// organisation's (address typed). `website` is a field people never see: a robot fills it.
export const ZTenantRequestSchema = z.preprocess(
  (input) => answersFromForm(rowsFromForm(input, "windows", ["day", "from", "to"])),
  z.object({
    name: z.string().trim().min(2, "Enter your name").max(120, "A name is 120 characters at most"),
    email: zEmail("Enter your email address, for the confirmation"),
    mobile: z
      .string()
      .trim()
      .max(30)
      .regex(/^(\+?[0-9 ()-]{6,30})?$/, "Enter a mobile number like 07700 900123")
      .optional()
      .transform((v) => v || null),
    address: optionalText(300, "Keep the address under 300 characters"),
    unit: optionalText(100, "Keep the flat or location under 100 characters"),
    categoryId: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(ZIdSchema.nullable()),
    description: z
      .string()
      .trim()
      .min(10, "Describe the problem in a few words (10 characters at least)")
      .max(4000, "Keep the description under 4,000 characters"),
    windows: ZWindowsSchema,
    permissionToEnter: z.enum(["yes", "no"], "Say whether the contractor may let themselves in"),
    accessNotes: optionalText(1000, "Keep the notes under 1,000 characters"),
    smsConsent: checkboxField(),
    emergencyAnswers: z.record(z.string(), z.enum(["yes", "no"])).default({}),
    website: z.string().optional().default(""),
  }),
);
export type TTenantRequestInput = z.infer<typeof ZTenantRequestSchema>;

// The tenant's link: new times, confirm a proposed visit, or withdraw the request.
export const ZChangeAvailabilitySchema = z.preprocess(
  (input) => rowsFromForm(input, "windows", ["day", "from", "to"]),
  z.object({ windows: ZWindowsSchema }),
);
export const ZCancelTenantRequestSchema = z.object({
  reason: optionalText(1000, "Keep the reason under 1,000 characters"),
});

// Staff match a request from the organisation's form to one of its sites.
export const ZMatchTenantRequestSchema = z.object({ tenantRequestId: ZIdSchema, siteId: ZIdSchema });
