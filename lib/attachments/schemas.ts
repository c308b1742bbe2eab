import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";
import { MAX_UPLOAD_BYTES, tooLargeMessage } from "./upload-limits";

export const ZFile = z
  .instanceof(File, { message: "Choose a file" })
  .refine((f) => f.size > 0, "Choose a file")
  .refine((f) => f.size <= MAX_UPLOAD_BYTES, tooLargeMessage());

export const ZStaffUploadSchema = z.object({ workOrderId: ZIdSchema, file: ZFile });

export const CONTRACTOR_KINDS = ["REPORT", "INVOICE", "QUOTE", "OTHER"] as const;
export const ZDeskUploadSchema = z.object({
  assignmentId: ZIdSchema,
  kind: z.enum(CONTRACTOR_KINDS, { error: "Choose what the document is" }),
  file: ZFile,
});
