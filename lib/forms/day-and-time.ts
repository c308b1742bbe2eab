import { z } from "zod";
import { parseCalendarDay } from "@/lib/time/wall-clock";

// A day from a date input ("2027-06-30") and a time of day from a time input ("09:00"),
// kept as typed: the server reads them on the site's clock.
export const dayField = (message = "Enter a real date, like 2027-06-30") =>
  z
    .string()
    .trim()
    .refine((v) => parseCalendarDay(v) !== null, message);

export const timeOfDayField = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);
