import { useState, type FormEvent } from "react";
import { canTransition } from "@/lib/assignments/status-machine";
import type { TFieldErrors } from "@/lib/errors";
import { requestVisitBooking } from "@/lib/offline/server-requests";
import type { TStoredTask } from "@/lib/offline/database";
import { formatSiteTime, formatSiteWindow, siteInputValue } from "@/lib/time/site-clock";
import { zoneName } from "@/lib/time/zone-name";
import { DEFAULT_VISIT_LENGTH, VISIT_LENGTHS, visitLengthLabel } from "@/lib/visits/visit-length";

// The longest offered length that fits a window, so a time picked from it stays inside.
function lengthWithin(startsAt: string, endsAt: string): number {
  const minutes = (Date.parse(endsAt) - Date.parse(startsAt)) / 60_000;
  return [...VISIT_LENGTHS].reverse().find((m) => m <= minutes && m <= DEFAULT_VISIT_LENGTH) ?? VISIT_LENGTHS[0];
}

// The visit as the technician arranges it: who asked for the work and when they can be
// there, the visit as it stands (work scheduled before visits were kept has only a time), and booking or moving it (online only: the tenant, the
// office and the technicians are told at once). The office can do the same from the Desk.
export function VisitBookingSection({ task, onBooked }: { task: TStoredTask; onBooked: () => void }) {
  const zone = task.site.timeZone;
  const [form, setForm] = useState({ day: "", from: "", minutes: String(DEFAULT_VISIT_LENGTH) });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [done, setDone] = useState("");
  const tenant = task.tenant ?? null;
  const visit = task.visit ?? null;
  const bookable = !task.withdrawn && canTransition(task.status, "schedule", "tech");
  if (!tenant && !bookable) return null;

  function pick(window: { startsAt: string; endsAt: string }) {
    const [day, from] = siteInputValue(new Date(window.startsAt), zone).split("T");
    setForm({ day, from, minutes: String(lengthWithin(window.startsAt, window.endsAt)) });
    setFieldErrors({});
    setOpen(true);
  }

  async function book(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setDone("");
    const answer = await requestVisitBooking(task.id, { ...form, minutes: Number(form.minutes) });
    setBusy(false);
    if (!answer.ok) {
      setProblem(answer.message);
      setFieldErrors(answer.fieldErrors ?? {});
      return;
    }
    setProblem("");
    setFieldErrors({});
    setOpen(false);
    setDone(
      answer.data.outcome === "booked"
        ? `Booked: ${answer.data.when}. The tenant, your office and you are sent the calendar invitation.`
        : `Sent to the tenant to confirm: ${answer.data.when} is outside their times. You will see it here once they answer.`,
    );
    onBooked();
  }

  const fieldClass = (name: string) => (fieldErrors[name] ? "field field-invalid" : "field");
  const errorOf = (name: string) =>
    fieldErrors[name] && (
      <small className="field-error" id={`visit-${name}-error`}>
        {fieldErrors[name][0]}
      </small>
    );

  return (
    <section className="card" aria-labelledby="visit-heading" data-testid="tech-visit">
      <h2 id="visit-heading">Visit</h2>
      {visit ? (
        <p data-testid="tech-visit-when">
          {visit.awaitingTenant ? "Waiting for the tenant to confirm: " : "Booked: "}
          <strong>{formatSiteWindow(visit.startsAt, visit.endsAt, zone)}</strong>
        </p>
      ) : task.scheduledAt ? (
        <p data-testid="tech-visit-when">Scheduled: {formatSiteTime(task.scheduledAt, zone)}</p>
      ) : (
        <p className="muted">Not booked yet.</p>
      )}
      {done && (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      )}
      {tenant && (
        <>
          <dl className="details">
            <dt>Tenant</dt>
            <dd>
              {tenant.name}
              {tenant.unit ? `, ${tenant.unit}` : ""}{" "}
              {tenant.mobile && <a href={`tel:${tenant.mobile}`}>{tenant.mobile}</a>}
            </dd>
            <dt>Entry</dt>
            <dd>{tenant.permissionToEnter ? "May enter if nobody is in" : "Only with the tenant there"}</dd>
            {tenant.accessNotes && (
              <>
                <dt>Notes</dt>
                <dd className="prewrap">{tenant.accessNotes}</dd>
              </>
            )}
          </dl>
          <h3>The tenant can be there</h3>
          <ul className="choice-list">
            {tenant.windows.map((w) => (
              <li key={w.startsAt}>
                <span>{formatSiteWindow(w.startsAt, w.endsAt, zone)}</span>
                {bookable && (
                  <button type="button" className="button button-secondary button-small" onClick={() => pick(w)}>
                    Choose
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {bookable && !open && (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {visit || task.scheduledAt ? "Move the visit…" : "Book the visit…"}
        </button>
      )}
      {bookable && open && (
        <form onSubmit={book} className="form" noValidate aria-label="Book the visit">
          {problem && (
            <p className="alert alert-error" role="alert">
              {problem}
            </p>
          )}
          <div className="field-row">
            <div className={fieldClass("day")}>
              <label htmlFor="visit-day">Day</label>
              <input
                id="visit-day"
                type="date"
                value={form.day}
                onChange={(e) => setForm({ ...form, day: e.target.value })}
                aria-describedby={fieldErrors.day ? "visit-day-error" : undefined}
                aria-invalid={Boolean(fieldErrors.day)}
              />
              {errorOf("day")}
            </div>
            <div className={fieldClass("from")}>
              <label htmlFor="visit-from">Arrival</label>
              <input
                id="visit-from"
                type="time"
                step={900}
                value={form.from}
                onChange={(e) => setForm({ ...form, from: e.target.value })}
                aria-describedby={fieldErrors.from ? "visit-from-error" : "visit-from-hint"}
                aria-invalid={Boolean(fieldErrors.from)}
              />
              <small className="hint" id="visit-from-hint">
                {zoneName(zone)}
              </small>
              {errorOf("from")}
            </div>
          </div>
          <div className={fieldClass("minutes")}>
            <label htmlFor="visit-minutes">Length of the visit</label>
            <select
              id="visit-minutes"
              value={form.minutes}
              onChange={(e) => setForm({ ...form, minutes: e.target.value })}
            >
              {VISIT_LENGTHS.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {visitLengthLabel(minutes)}
                </option>
              ))}
            </select>
            {errorOf("minutes")}
          </div>
          {tenant && <p className="hint">A time outside the tenant&apos;s is sent to them to confirm.</p>}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? "Booking…" : "Book"}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
