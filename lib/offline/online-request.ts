import type { TFieldErrors } from "@/lib/errors";

export type TOnlineAnswer<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: TFieldErrors };

export const NO_CONNECTION = "No connection: this needs signal. Nothing was changed; try again when you have signal.";

// What the technician app asks the server directly, for what cannot wait on the phone (a
// visit agreed with a tenant, their own settings): no signal, no change, and the
// technician is told so at once. Refusals come back with the fields they concern.
export async function onlineRequest<T>(
  path: string,
  init: { method: "GET" } | { method: "POST" | "PUT"; body: unknown },
): Promise<TOnlineAnswer<T>> {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return { ok: false, message: NO_CONNECTION };
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method,
      credentials: "same-origin",
      cache: "no-store",
      ...("body" in init ? { headers: { "content-type": "application/json" }, body: JSON.stringify(init.body) } : {}),
    });
  } catch {
    return { ok: false, message: NO_CONNECTION };
  }
  const body = (await response.json().catch(() => null)) as
    (T & { error?: undefined }) | { error?: { message?: string; fieldErrors?: TFieldErrors } } | null;
  if (response.ok && body) return { ok: true, data: body as T };
  if (response.status === 401)
    return { ok: false, message: "Your session has ended. Sign in again from your email link, then try again." };
  const error = body?.error;
  return {
    ok: false,
    message: error?.message ?? `Fieldgate is not answering (${response.status}). Nothing was changed; try again.`,
    fieldErrors: error?.fieldErrors,
  };
}
