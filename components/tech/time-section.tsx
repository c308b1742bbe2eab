import { useState, type FormEvent } from "react";
import type { TStoredTask } from "@/lib/offline/database";
import { mutationProblems } from "@/lib/offline/check-mutation";
import { trySave } from "@/lib/offline/save-error";
import type { TTechActions } from "@/lib/offline/tech-actions";
import type { TLabourType } from "@/lib/sync/contract";
import { ENDS_IN_FUTURE } from "@/lib/sync/schemas";
import { LABOUR_TYPES, LABOUR_TYPE_LABELS } from "@/lib/work-time/labour-types";
import { formatDuration, MAX_ENTRY_MINUTES, parseDuration } from "@/lib/work-time/parse-duration";
import { formatSiteClock, formatSiteTime, phoneZone, readSiteInput, siteInputValue } from "@/lib/time/site-clock";
import { zoneName } from "@/lib/time/zone-name";

type TOccurrence = "" | "earlier" | "later";

// The technician's time on the task, recorded on the phone and synced once. The time from
// "I'm on site" to "I've performed this work" is offered as the entry.
// Times are typed and shown on the site's clock, whatever the phone's says.
export function TimeSection({ task, actions }: { task: TStoredTask; actions: TTechActions }) {
  const zone = task.site.timeZone ?? phoneZone();
  const entries = task.timeEntries ?? [];
  const onSite =
    task.checkedInAt && task.performedAt
      ? Math.round((Date.parse(task.performedAt) - Date.parse(task.checkedInAt)) / 60_000)
      : null;
  const offer = onSite !== null && onSite >= 1 && onSite <= MAX_ENTRY_MINUTES && entries.length === 0;
  const [startedAt, setStartedAt] = useState(() => siteInputValue(new Date(task.checkedInAt ?? Date.now()), zone));
  const [occurrence, setOccurrence] = useState<TOccurrence>("");
  const [duration, setDuration] = useState("");
  const [labourType, setLabourType] = useState<TLabourType>("NORMAL");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function recordOnSite() {
    if (!task.checkedInAt || onSite === null) return;
    await trySave(
      () => actions.recordTime(task.id, { startedAt: task.checkedInAt!, minutes: onSite, labourType: "NORMAL" }),
      (message) => setErrors(message ? { form: message } : {}),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const reading = readSiteInput(startedAt, zone);
    let start: Date | null = null;
    if (!reading) found.startedAt = "Enter when the work started";
    else if (reading.kind === "nonexistent")
      found.startedAt = `That time does not exist in ${zoneName(zone)}: the clocks go forward then. Choose another.`;
    else if (reading.kind === "ambiguous" && !occurrence)
      found.occurrence = "That time happens twice (the clocks go back): choose which";
    else start = reading.kind === "exact" ? reading.instant : occurrence === "later" ? reading.later : reading.earlier;
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
      const ends = new Date(start.getTime() + minutes * 60_000);
      if (found.minutes === ENDS_IN_FUTURE)
        found.minutes = `That ends at ${formatSiteClock(ends, zone)}, after now (${formatSiteClock(new Date(), zone)}): check when it started and how long it took`;
    }
    setErrors(found);
    if (Object.keys(found).length || !start || minutes === null) return;
    const time = { startedAt: start.toISOString(), minutes, labourType, note: note.trim() || undefined };
    const saved = await trySave(
      () => actions.recordTime(task.id, time),
      (message) => setErrors(message ? { form: message } : {}),
    );
    if (!saved) return;
    setDuration("");
    setNote("");
    setOccurrence("");
  }
  const ambiguous = readSiteInput(startedAt, zone)?.kind === "ambiguous";
  const elsewhere = siteInputValue(new Date(), zone) !== siteInputValue(new Date(), phoneZone());

  return (
    <section className="card" aria-label="Your time">
      <h2>Your time</h2>
      {errors.form && (
        <p className="alert alert-error" role="alert">
          {errors.form}
        </p>
      )}
      {entries.length > 0 && (
        <ul data-testid="time-entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <strong>{formatDuration(entry.minutes)}</strong> {LABOUR_TYPE_LABELS[entry.labourType].toLowerCase()}
              {entry.startedAt && <span className="muted"> · from {formatSiteTime(entry.startedAt, zone)}</span>}
              {entry.note && <span className="muted"> · {entry.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {offer && task.checkedInAt && task.performedAt && (
        <div className="alert alert-info">
          <p>
            On site {formatSiteClock(task.checkedInAt, zone)} to {formatSiteClock(task.performedAt, zone)}:{" "}
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
              aria-describedby="time-started-hint"
              onChange={(e) => {
                setStartedAt(e.target.value);
                setOccurrence("");
              }}
            />
            <small className="hint" id="time-started-hint">
              {elsewhere ? `On the site's clock: ${zoneName(zone)}` : "On the site's clock"}
            </small>
            {errors.startedAt && <small className="field-error">{errors.startedAt}</small>}
          </div>
          {ambiguous && (
            <div className={errors.occurrence ? "field field-invalid" : "field"}>
              <label htmlFor="time-occurrence">That time happens twice (the clocks go back). Which one?</label>
              <select
                id="time-occurrence"
                value={occurrence}
                onChange={(e) => setOccurrence(e.target.value as TOccurrence)}
              >
                <option value="">Choose…</option>
                <option value="earlier">The first (before the clocks went back)</option>
                <option value="later">The second (after the clocks went back)</option>
              </select>
              {errors.occurrence && <small className="field-error">{errors.occurrence}</small>}
            </div>
          )}
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
