import { z } from "zod";

export const ZInviteContractorSchema = z.object({
  companyName: z.string().trim().min(2, "Enter the company's name").max(200),
  adminName: z.string().trim().min(2, "Enter the name of the person who will manage it").max(200),
  adminEmail: z.string().trim().toLowerCase().email("Enter a valid email address"),
});
