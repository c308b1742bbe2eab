import { z } from "zod";
import { dayField, timeOfDayField } from "@/lib/forms/day-and-time";
import { ZIdSchema } from "@/lib/ids";
import { ZVisitMinutesSchema } from "./visit-length";

// The contractor books a visit: a start on the site's clock and a length.
export const ZBookVisitSchema = z.object({
  assignmentId: ZIdSchema,
  day: dayField(),
  from: timeOfDayField("Enter the arrival time, like 09:00"),
  minutes: ZVisitMinutesSchema,
});
