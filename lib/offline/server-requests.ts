import { onlineRequest } from "./online-request";

export type TBookVisitInput = { day: string; from: string; minutes: number };

// Booking a visit waits for the server's answer (the tenant's windows, the office's
// latest plan), so unlike on-site work it is never queued on the phone.
export const requestVisitBooking = (taskId: string, input: TBookVisitInput) =>
  onlineRequest<{ outcome: "booked" | "proposed"; when: string }>(
    `/api/tech/tasks/${encodeURIComponent(taskId)}/visit`,
    { method: "POST", body: input },
  );

export type TTextReminders = { mobile: string | null; smsConsent: boolean };

// The technician's own number and whether visit reminders may be texted to it.
export const readTextReminders = () => onlineRequest<TTextReminders>("/api/tech/preferences", { method: "GET" });
export const saveTextReminders = (input: { mobile: string; smsConsent: boolean }) =>
  onlineRequest<TTextReminders>("/api/tech/preferences", { method: "PUT", body: input });
