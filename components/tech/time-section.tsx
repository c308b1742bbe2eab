import { useState, type FormEvent } from "react";
import type { TStoredTask } from "@/lib/offline/database";
import { mutationProblems } from "@/lib/offline/check-mutation";
import type { TTechActions } from "@/lib/offline/tech-actions";
import type { TLabourType } from "@/lib/sync/contract";
import { LABOUR_TYPES, LABOUR_TYPE_LABELS } from "@/lib/work-time/labour-types";
import { formatDuration, MAX_ENTRY_MINUTES, parseDuration } from "@/lib/work-time/parse-duration";

const clockTime = new Intl.DateTimeFormat("en-GB", { timeStyle: "short" });
const stamp = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

// A datetime-local value for an instant, on the phone's own clock (the technician is at the site).
function localInput(instant: Date): string {
  const shifted = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

// The technician's time on the task, recorded on the phone and synced once. The time from
// "I'm on site" to "I've performed this work" is offered as the entry.
export function TimeSection({ task, actions }: { task: TStoredTask; actions: TTechActions }) {
  const entries = task.timeEntries ?? [];
  const onSite =
    task.checkedInAt && task.performedAt
      ? Math.round((Date.parse(task.performedAt) - Date.parse(task.checkedInAt)) / 60_000)
      : null;
  const offer = onSite !== null && onSite >= 1 && onSite <= MAX_ENTRY_MINUTES && entries.length === 0;
  const [startedAt, setStartedAt] = useState(() => localInput(new Date(task.checkedInAt ?? Date.now())));
  const [duration, setDuration] = useState("");
  const [labourType, setLabourType] = useState<TLabourType>("NORMAL");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function recordOnSite() {
    if (!task.checkedInAt || onSite === null) return;
    await actions.recordTime(task.id, { startedAt: task.checkedInAt, minutes: onSite, labourType: "NORMAL" });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const start = startedAt ? new Date(startedAt) : null;
    if (!start || Number.isNaN(start.getTime())) found.startedAt = "Enter when the work started";
    const minutes = parseDuration(duration);
    if (minutes === null) found.minutes = "Enter how long, such as 1:30 or 1.5 (hours)";
    if (start && !found.startedAt && minutes !== null) {
      const body = {
        type: "record_time" as const,
        timeEntryId: crypto.randomUUID(),
        startedAt: start.toISOString(),
        minutes,
        labourType,
        note: note.trim() || undefined,
      };
      Object.assign(found, mutationProblems(task.id, body));
    }
    setErrors(found);
    if (Object.keys(found).length || !start || minutes === null) return;
    await actions.recordTime(task.id, {
      startedAt: start.toISOString(),
      minutes,
      labourType,
      note: note.trim() || undefined,
    });
    setDuration("");
    setNote("");
  }

  return (
    <section className="card" aria-label="Your time">
      <h2>Your time</h2>
      {entries.length > 0 && (
        <ul data-testid="time-entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <strong>{formatDuration(entry.minutes)}</strong> {LABOUR_TYPE_LABELS[entry.labourType].toLowerCase()}
              {entry.startedAt && <span className="muted"> · from {stamp.format(new Date(entry.startedAt))}</span>}
              {entry.note && <span className="muted"> · {entry.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {offer && task.checkedInAt && task.performedAt && (
        <div className="alert alert-info">
          <p>
            On site {clockTime.format(new Date(task.checkedInAt))} to {clockTime.format(new Date(task.performedAt))}:{" "}
            <strong>{formatDuration(onSite!)}</strong>.
          </p>
          <button type="button" className="button button-primary" onClick={recordOnSite}>
            Record {formatDuration(onSite!)}
          </button>
        </div>
      )}
      <details>
        <summary>{entries.length ? "Add more time" : "Enter time yourself"}</summary>
        <form onSubmit={submit} className="form" noValidate data-testid="tech-time-form">
          <div className={errors.startedAt ? "field field-invalid" : "field"}>
            <label htmlFor="time-started">Started</label>
            <input
              id="time-started"
              type="datetime-local"
              value={startedAt}
              onChange={(e) => setStartedAt(e.target.value)}
            />
            {errors.startedAt && <small className="field-error">{errors.startedAt}</small>}
          </div>
          <div className={errors.minutes ? "field field-invalid" : "field"}>
            <label htmlFor="time-duration">How long</label>
            <input
              id="time-duration"
              inputMode="decimal"
              placeholder="1:30"
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            />
            <small className="hint">1:30 or 1.5 (hours)</small>
            {errors.minutes && <small className="field-error">{errors.minutes}</small>}
          </div>
          <div className="field">
            <label htmlFor="time-kind">Kind</label>
            <select id="time-kind" value={labourType} onChange={(e) => setLabourType(e.target.value as TLabourType)}>
              {LABOUR_TYPES.map((type) => (
                <option key={type} value={type}>
                  {LABOUR_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </div>
          <div className={errors.note ? "field field-invalid" : "field"}>
            <label htmlFor="time-note">Note (optional)</label>
            <input id="time-note" value={note} onChange={(e) => setNote(e.target.value)} />
            {errors.note && <small className="field-error">{errors.note}</small>}
          </div>
          <button type="submit" className="button button-secondary">
            Record time
          </button>
        </form>
      </details>
    </section>
  );
}
