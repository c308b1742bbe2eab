import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";

const documentName = z
  .string()
  .trim()
  .min(2, "Name the document, such as Public liability insurance")
  .max(120, "Keep the name under 120 characters")
  .transform((name) => name.replace(/\s+/g, " "));

export const ZAddDocumentTypeSchema = z.object({ name: documentName });
export const ZRemoveDocumentTypeSchema = z.object({ documentTypeId: ZIdSchema });

// A form's checkboxes arrive as one value, several or none.
const idList = z
  .union([ZIdSchema, z.array(ZIdSchema)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]));

export const ZSetTradeRequirementsSchema = z.object({ categoryId: ZIdSchema, documentTypeIds: idList });

export type TAddDocumentTypeInput = z.infer<typeof ZAddDocumentTypeSchema>;
export type TSetTradeRequirementsInput = z.infer<typeof ZSetTradeRequirementsSchema>;
