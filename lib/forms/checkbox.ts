import { z } from "zod";

// A checkbox: a form sends "on" when it is ticked and nothing when it is not; a JSON body
// (the technician app) sends true or false. Unticked is an answer, never a missing field.
export const checkboxField = () =>
  z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true");
