import type { TFieldErrors } from "@/lib/errors";

export type TBookVisitInput = { day: string; from: string; minutes: number };
export type TBookVisitAnswer =
  | { ok: true; outcome: "booked" | "proposed"; when: string }
  | { ok: false; message: string; fieldErrors?: TFieldErrors };

const NO_CONNECTION = "No connection: booking needs signal. Nothing was booked; try again when you have signal.";

// Booking a visit waits for the server's answer (the tenant's windows, the office's
// latest plan), so unlike on-site work it is never queued on the phone: no signal, no
// booking, and the technician is told so at once.
export async function requestVisitBooking(
  taskId: string,
  input: TBookVisitInput,
  baseUrl = "",
): Promise<TBookVisitAnswer> {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return { ok: false, message: NO_CONNECTION };
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/tech/tasks/${encodeURIComponent(taskId)}/visit`, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, message: NO_CONNECTION };
  }
  const body = (await response.json().catch(() => null)) as
    | { outcome: "booked" | "proposed"; when: string }
    | { error?: { message?: string; fieldErrors?: TFieldErrors } }
    | null;
  if (response.ok && body && "outcome" in body) return { ok: true, outcome: body.outcome, when: body.when };
  if (response.status === 401)
    return { ok: false, message: "Your session has ended. Sign in again from your email link, then book." };
  const error = body && "error" in body ? body.error : undefined;
  return {
    ok: false,
    message: error?.message ?? `Fieldgate is not answering (${response.status}). Nothing was booked; try again.`,
    fieldErrors: error?.fieldErrors,
  };
}
