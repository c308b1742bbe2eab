// This process's job worker, as the health check reads it. Kept on globalThis: Next.js
// loads instrumentation (which starts the worker) and route handlers as separate bundles.
export type TWorkerStatus = { state: "off" | "running" | "stopping"; lastBeatAt: number | null };

const holder = globalThis as unknown as { fieldgateJobWorker?: TWorkerStatus };

export function workerStatus(): TWorkerStatus {
  return holder.fieldgateJobWorker ?? { state: "off", lastBeatAt: null };
}

export function setWorkerStatus(status: Partial<TWorkerStatus>): void {
  holder.fieldgateJobWorker = { ...workerStatus(), ...status };
}
