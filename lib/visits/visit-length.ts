// How long a visit is booked for, as the Desk and the technician app offer it (no zod:
// the technician app's bundle takes these).
export const VISIT_LENGTHS = [30, 60, 90, 120, 180, 240, 360, 480] as const;
export const DEFAULT_VISIT_LENGTH = 120;

export const visitLengthLabel = (minutes: number) =>
  minutes < 60
    ? `${minutes} minutes`
    : minutes % 60
      ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
      : `${minutes / 60} hour${minutes === 60 ? "" : "s"}`;
