import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";
import { isTimeZone } from "@/lib/time/zones";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional();

export const ZCreateSiteSchema = z.object({
  name: z.string().trim().min(1, "Enter the site's name").max(200),
  addressLine1: z.string().trim().min(1, "Enter the street address").max(200),
  addressLine2: optionalText(200),
  city: z.string().trim().min(1, "Enter the town or city").max(100),
  postcode: z.string().trim().min(1, "Enter the postcode").max(20),
  region: optionalText(100),
  accessDetails: optionalText(2000),
  contactName: optionalText(200),
  contactPhone: optionalText(50),
  // Blank: the organisation's zone.
  timezone: optionalText(64).refine(
    (zone) => zone === undefined || isTimeZone(zone),
    "Choose a time zone from the list",
  ),
});
export type TCreateSiteInput = z.infer<typeof ZCreateSiteSchema>;

export const ZCreateAssetSchema = z.object({
  siteId: z.string().pipe(ZIdSchema),
  name: z.string().trim().min(1, "Name the asset, e.g. Boiler 2").max(200),
  kind: optionalText(100),
  serialNumber: optionalText(100),
});
export type TCreateAssetInput = z.infer<typeof ZCreateAssetSchema>;
