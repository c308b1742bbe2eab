import { useEffect, useState, type FormEvent } from "react";
import type { TFieldErrors } from "@/lib/errors";
import { NO_CONNECTION } from "@/lib/offline/online-request";
import { readTextReminders, saveTextReminders } from "@/lib/offline/server-requests";

// The technician's word on texts: reminders of their visits go to their mobile only when
// they say so here (online: the office's reminders read it). Offline it waits for signal.
export function TextRemindersCard() {
  const [form, setForm] = useState<{ mobile: string; smsConsent: boolean } | null>(null);
  const [unreachable, setUnreachable] = useState("");
  const [message, setMessage] = useState("");
  const [problem, setProblem] = useState("");
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void readTextReminders().then((answer) => {
      if (!live) return;
      if (answer.ok) setForm({ mobile: answer.data.mobile ?? "", smsConsent: answer.data.smsConsent });
      else
        setUnreachable(
          answer.message === NO_CONNECTION
            ? "Your text reminders show here when the phone has signal."
            : answer.message,
        );
    });
    return () => void (live = false);
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    const answer = await saveTextReminders(form);
    setBusy(false);
    setFieldErrors(answer.ok ? {} : (answer.fieldErrors ?? {}));
    setProblem(answer.ok ? "" : answer.message);
    setMessage(answer.ok ? (answer.data.smsConsent ? "Saved: reminders will be texted." : "Saved: no texts.") : "");
  }

  return (
    <section className="card" aria-labelledby="texts-heading" data-testid="text-reminders">
      <h2 id="texts-heading">Visit reminders by text</h2>
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      {message && (
        <p className="alert alert-success" role="status">
          {message}
        </p>
      )}
      {form ? (
        <form onSubmit={save} className="form" noValidate>
          <div className={fieldErrors.mobile ? "field field-invalid" : "field"}>
            <label htmlFor="texts-mobile">Mobile number</label>
            <input
              id="texts-mobile"
              type="tel"
              value={form.mobile}
              onChange={(e) => setForm({ ...form, mobile: e.target.value })}
              aria-invalid={Boolean(fieldErrors.mobile)}
              aria-describedby={fieldErrors.mobile ? "texts-mobile-error" : undefined}
            />
            {fieldErrors.mobile && (
              <small className="field-error" id="texts-mobile-error">
                {fieldErrors.mobile[0]}
              </small>
            )}
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.smsConsent}
              onChange={(e) => setForm({ ...form, smsConsent: e.target.checked })}
            />{" "}
            Text me the day before and the morning of each visit (never between 21:00 and 07:00)
          </label>
          <button type="submit" className="button button-secondary" disabled={busy}>
            Save
          </button>
        </form>
      ) : (
        <p className="muted">{unreachable || "Loading…"}</p>
      )}
    </section>
  );
}
