import { useState, type FormEvent } from "react";
import type { TStoredTask } from "@/lib/offline/database";
import { canTransition } from "@/lib/assignments/status-machine";
import { mutationProblems } from "@/lib/offline/check-mutation";
import { trySave } from "@/lib/offline/save-error";
import type { TTechActions } from "@/lib/offline/tech-actions";
import type { TLocation } from "@/lib/sync/contract";

// Asks for the position; nothing waits for it. The browser's permission prompt may stay
// open for minutes (its time does not count toward the timeout), or never be answered.
function whenLocated(found: (location: TLocation) => void): void {
  if (!("geolocation" in navigator)) return;
  navigator.geolocation.getCurrentPosition(
    (p) => found({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyM: p.coords.accuracy }),
    () => undefined,
    { timeout: 30_000, maximumAge: 60_000 },
  );
}

// "I'm on site": saved at the tap, with the tap's time; the position follows on its own.
export function CheckInButton({ task, actions }: { task: TStoredTask; actions: TTechActions }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");

  async function checkIn() {
    setBusy(true);
    let checkInId = "";
    const saved = await trySave(
      async () => (checkInId = (await actions.checkIn(task.id)).mutationId),
      setProblem,
      "Tap again.",
    );
    setBusy(false);
    if (saved)
      whenLocated((location) => void actions.locateCheckIn(task.id, checkInId, location).catch(() => undefined));
  }

  if (task.status === "IN_PROGRESS" || !canTransition(task.status, "checkIn", "tech")) return null;
  return (
    <>
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="button button-primary button-large" onClick={checkIn} disabled={busy}>
        I&apos;m on site
      </button>
    </>
  );
}

// The other way a visit ends: the work cannot be finished this time.
export function RevisitForm({ task, actions }: { task: TStoredTask; actions: TTechActions }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");

  async function revisit(event: FormEvent) {
    event.preventDefault();
    const problem = mutationProblems(task.id, { type: "request_revisit", reason }).reason;
    if (problem) return setError(problem);
    if (await trySave(() => actions.requestRevisit(task.id, reason.trim()), setError)) setReason("");
  }

  if (!canTransition(task.status, "requestRevisit", "tech")) return null;
  return (
    <section className="card" aria-label="Revisit">
      <h2>Can&apos;t finish today?</h2>
      <form onSubmit={revisit} className="form" noValidate>
        <div className={error ? "field field-invalid" : "field"}>
          <label htmlFor="revisit-reason">Revisit required? Why</label>
          <input
            id="revisit-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Part on order, no access…"
          />
          {error && <small className="field-error">{error}</small>}
        </div>
        <button type="submit" className="button button-secondary">
          Revisit required
        </button>
      </form>
    </section>
  );
}
