import { z } from "zod";

// Record ids are cuids; anything else is refused before it reaches a query.
export const ZIdSchema = z.string().regex(/^c[a-z0-9]{20,40}$/, "Malformed identifier");

export function isId(value: unknown): value is string {
  return ZIdSchema.safeParse(value).success;
}
