import type { TSyncRequest, TSyncResponse, TTasksResponse } from "@/lib/sync/contract";

// How the sync engine reaches the server. The app uses HTTP; the fault test puts a
// transport in between that drops, repeats and reorders deliveries.
export type TPhotoUpload = { photoId: string; taskId: string; serviceTaskId?: string; defectId?: string; blob: Blob };
export type TPhotoOutcome =
  { outcome: "stored" } | { outcome: "wait"; message: string } | { outcome: "refused"; message: string };

export type TTransport = {
  // A tiny request that says only whether the server can be reached.
  reachable(): Promise<boolean>;
  sync(request: TSyncRequest): Promise<TSyncResponse>;
  fetchTasks(): Promise<TTasksResponse>;
  uploadPhoto(photo: TPhotoUpload): Promise<TPhotoOutcome>;
  fetchDocument(id: string): Promise<Blob>;
};

// The network or the server failed: nothing is known about the request, so it is sent
// again later. "offline": no answer at all (no signal, or the server unreachable);
// "signed-out": the session ended and the person must sign in again; "server": the
// server answered with a failure of its own.
export type TTransportFailure = "offline" | "signed-out" | "server";
export class TransportError extends Error {
  constructor(
    message: string,
    public readonly failure: TTransportFailure = "server",
  ) {
    super(message);
    this.name = "TransportError";
  }
  get signedOut() {
    return this.failure === "signed-out";
  }
  get offline() {
    return this.failure === "offline";
  }
}

const PROBE_TIMEOUT_MS = 5_000;

async function call(input: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, { credentials: "same-origin", cache: "no-store", ...init });
  } catch {
    throw new TransportError("No connection to Fieldgate.", "offline");
  }
  if (response.status === 401)
    throw new TransportError(
      "Your session has ended. Sign in again from your email link; nothing on this phone is lost.",
      "signed-out",
    );
  if (response.status >= 500 || response.status === 429 || response.status === 408)
    throw new TransportError(`Fieldgate is not answering (${response.status}).`);
  return response;
}

async function errorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `Refused (${response.status}).`;
}

export function createHttpTransport(baseUrl = ""): TTransport {
  return {
    async reachable() {
      try {
        const response = await fetch(`${baseUrl}/api/tech/ping`, {
          cache: "no-store",
          signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
        });
        return response.ok;
      } catch {
        return false;
      }
    },
    async sync(request) {
      const response = await call(`${baseUrl}/api/tech/sync`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request),
      });
      if (!response.ok) throw new TransportError(await errorMessage(response));
      return (await response.json()) as TSyncResponse;
    },
    async fetchTasks() {
      const response = await call(`${baseUrl}/api/tech/tasks`);
      if (!response.ok) throw new TransportError(await errorMessage(response));
      return (await response.json()) as TTasksResponse;
    },
    async uploadPhoto(photo) {
      const query = new URLSearchParams({
        taskId: photo.taskId,
        ...(photo.serviceTaskId ? { serviceTaskId: photo.serviceTaskId } : {}),
        ...(photo.defectId ? { defectId: photo.defectId } : {}),
      });
      const response = await call(`${baseUrl}/api/tech/photos/${photo.photoId}?${query}`, {
        method: "PUT",
        headers: { "content-type": photo.blob.type || "image/jpeg" },
        body: photo.blob,
      });
      if (response.ok) return { outcome: "stored" };
      if (response.status === 409) return { outcome: "wait", message: await errorMessage(response) };
      return { outcome: "refused", message: await errorMessage(response) };
    },
    async fetchDocument(id) {
      const response = await call(`${baseUrl}/api/files/${id}`);
      if (!response.ok) throw new TransportError(await errorMessage(response));
      return response.blob();
    },
  };
}
