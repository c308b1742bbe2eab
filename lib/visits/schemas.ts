import { z } from "zod";
import { dayField, timeOfDayField } from "@/lib/forms/day-and-time";
import { ZIdSchema } from "@/lib/ids";

export const ZVisitMinutesSchema = z.coerce
  .number("Choose how long the visit takes")
  .int("Choose how long the visit takes")
  .min(15, "At least 15 minutes")
  .max(12 * 60, "At most 12 hours");

// The contractor books a visit: a start on the site's clock and a length.
export const ZBookVisitSchema = z.object({
  assignmentId: ZIdSchema,
  day: dayField(),
  from: timeOfDayField("Enter the arrival time, like 09:00"),
  minutes: ZVisitMinutesSchema,
});
