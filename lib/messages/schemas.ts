import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";

export const ZPostMessageSchema = z.object({
  assignmentId: ZIdSchema,
  body: z.string().trim().min(1, "Write a message").max(5000, "Keep messages under 5,000 characters"),
});
