import { z } from "zod";
import { zEmail } from "@/lib/email-address";
import { optionalText } from "@/lib/forms/optional-text";
import { ZIdSchema } from "@/lib/ids";

// A person outside the organisation, added as a site's customer (owner and tenant later).
export const ZAddSiteContactSchema = z.object({
  siteId: ZIdSchema,
  name: z.string().trim().min(1, "Enter the person's name").max(120, "A name is 120 characters at most"),
  email: zEmail("Enter the person's email address"),
  mobile: z
    .string()
    .trim()
    .max(30)
    .regex(/^(\+?[0-9 ()-]{6,30})?$/, "Enter a phone number like +44 7700 900123")
    .optional()
    .transform((v) => v || null),
  company: optionalText(120, "A company name is 120 characters at most"),
  role: z.enum(["CUSTOMER", "OWNER", "TENANT"]).default("CUSTOMER"),
});
export type TAddSiteContactInput = z.infer<typeof ZAddSiteContactSchema>;

export const ZRemoveSiteContactSchema = z.object({ siteContactId: ZIdSchema });

// The work order's customer: one of the organisation's contacts, or none.
export const ZSetWorkOrderCustomerSchema = z.object({
  workOrderId: ZIdSchema,
  contactId: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(ZIdSchema.nullable()),
});
export type TSetWorkOrderCustomerInput = z.infer<typeof ZSetWorkOrderCustomerSchema>;
