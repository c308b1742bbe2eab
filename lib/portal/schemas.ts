import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";
import { zEmail } from "@/lib/email-address";

export const ZSendPortalLinkSchema = z.object({
  workOrderId: ZIdSchema,
  email: zEmail("Enter the customer's email address"),
  expiresInHours: z.coerce
    .number()
    .int()
    .min(1, "At least 1 hour")
    .max(24 * 30, "At most 30 days")
    .default(48),
});
