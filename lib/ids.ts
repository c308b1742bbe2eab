import { z } from "zod";
import { ID_PATTERN } from "./id-pattern";

// Record ids are cuids; anything else is refused before it reaches a query.
export const ZIdSchema = z.string().regex(ID_PATTERN, "Malformed identifier");

export function isId(value: unknown): value is string {
  return ZIdSchema.safeParse(value).success;
}
