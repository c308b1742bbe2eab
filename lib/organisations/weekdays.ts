// ISO weekdays (1 Monday … 7 Sunday) as the business-hours form lists them. No zod here:
// the form's client bundle imports this, and zod's parser would try `new Function`,
// which the Content-Security-Policy refuses.
export const WEEKDAYS = [
  [1, "Monday"],
  [2, "Tuesday"],
  [3, "Wednesday"],
  [4, "Thursday"],
  [5, "Friday"],
  [6, "Saturday"],
  [7, "Sunday"],
] as const;

// When an organisation is open, on its own clock; a day not listed is closed.
export type TBusinessHours = { day: number; opens: string; closes: string }[];
