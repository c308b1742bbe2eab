import { z } from "zod";

// How long a visit is booked for, as the Desk offers it.
export const VISIT_LENGTHS = [30, 60, 90, 120, 180, 240, 360, 480] as const;
export const DEFAULT_VISIT_LENGTH = 120;

export const visitLengthLabel = (minutes: number) =>
  minutes < 60
    ? `${minutes} minutes`
    : minutes % 60
      ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
      : `${minutes / 60} hour${minutes === 60 ? "" : "s"}`;

export const ZVisitMinutesSchema = z.coerce
  .number("Choose how long the visit takes")
  .int("Choose how long the visit takes")
  .min(15, "At least 15 minutes")
  .max(12 * 60, "At most 12 hours");
