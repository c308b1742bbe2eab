import type { TOutboxEntry, TStoredTask } from "@/lib/offline/database";
import type { TTechActions } from "@/lib/offline/tech-actions";

const show = (value: unknown) =>
  value === null || value === undefined || value === "" ? "(empty)" : String(value).replace("_", " ").toLowerCase();

// Changes the server could not apply as they were: a value someone else changed
// meanwhile (both shown, the technician chooses), or work on a task that moved on.
// Nothing leaves this list without the technician seeing it.
export function AttentionPanel({
  entries,
  task,
  actions,
}: {
  entries: TOutboxEntry[];
  task: TStoredTask;
  actions: TTechActions;
}) {
  if (entries.length === 0) return null;
  return (
    <section className="card attention" aria-label="Needs your attention" data-testid="attention">
      <h2>Needs your attention</h2>
      <ul>
        {entries.map((entry) => {
          const result = entry.result;
          const message = result && "message" in result ? result.message : "";
          const conflicts = result?.outcome === "conflict" ? (result.conflicts ?? []) : [];
          const mutation = entry.mutation;
          return (
            <li key={entry.mutationId}>
              <p className={entry.state === "rejected" ? "text-danger" : "flag"}>{message}</p>
              {conflicts.map((conflict) => (
                <p key={conflict.field}>
                  {conflict.label}: yours <strong>{show(conflict.yours)}</strong>, now{" "}
                  <strong>{show(conflict.theirs)}</strong>
                </p>
              ))}
              <div className="button-row">
                {conflicts.length > 0 && mutation.type === "record_result" && (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={async () => {
                      const changes = Object.fromEntries(conflicts.map((c) => [c.field, c.yours]));
                      const base = Object.fromEntries(conflicts.map((c) => [c.field, c.theirs]));
                      await actions.recordResult(task.id, mutation.serviceTaskId, changes, base);
                      await actions.dismiss(entry.mutationId);
                    }}
                  >
                    Keep mine
                  </button>
                )}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => actions.dismiss(entry.mutationId)}
                >
                  {conflicts.length > 0 ? "Keep theirs" : "OK"}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
