// What this process must finish or release before it exits, run by the HTTP server when it
// is told to stop (scripts/http-server.ts): the job runner first (it waits for its running
// jobs until the deadline, then releases them), the database pool last. Kept on globalThis:
// instrumentation and the app's modules are separate bundles of one process.
export type TShutdownPhase = "jobs" | "database";
type THook = { phase: TShutdownPhase; name: string; run: (deadline: number) => Promise<void> };

const holder = globalThis as unknown as { fieldgateShutdownHooks?: THook[] };

export function onShutdown(phase: TShutdownPhase, name: string, run: (deadline: number) => Promise<void>): void {
  (holder.fieldgateShutdownHooks ??= []).push({ phase, name, run });
}

// Each of the phase's hooks, together; a failure is reported, never stops the others.
export async function runShutdown(phase: TShutdownPhase, deadline: number): Promise<void> {
  const hooks = (holder.fieldgateShutdownHooks ?? []).filter((hook) => hook.phase === phase);
  await Promise.all(
    hooks.map((hook) =>
      hook.run(deadline).catch((error: Error) => console.warn(`[shutdown] ${hook.name}: ${error.message}`)),
    ),
  );
}
