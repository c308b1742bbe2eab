import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";

export const ZAssignContractorSchema = z.object({
  workOrderId: ZIdSchema,
  contractorCompanyId: z.string().min(1, "Choose a contractor").pipe(ZIdSchema),
});

const optionalDate = z
  .string()
  .trim()
  .transform((v) => (v ? new Date(v) : undefined))
  .refine((d) => d === undefined || !Number.isNaN(d.getTime()), "Enter a valid date")
  .optional();

export const ZAcceptAssignmentSchema = z.object({ assignmentId: ZIdSchema, plannedAt: optionalDate });

export const ZDeclineAssignmentSchema = z.object({
  assignmentId: ZIdSchema,
  reason: z.string().trim().min(3, "Tell the client why you are declining").max(2000),
});

export const ZAssignTechniciansSchema = z.object({
  assignmentId: ZIdSchema,
  personIds: z
    .union([ZIdSchema, z.array(ZIdSchema)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(ZIdSchema).min(1, "Choose at least one technician").max(20)),
});
