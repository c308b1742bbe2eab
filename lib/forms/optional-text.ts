import { z } from "zod";

// A free-text field that may be left empty: trimmed, at most `max` characters, and null
// when empty (never an empty string in the database).
export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || null);
