import { useState } from "react";
import type { OfflineDatabase, TStoredTask } from "@/lib/offline/database";
import type { TTechActions } from "@/lib/offline/tech-actions";
import type { TComplianceResult, TServiceTaskSnapshot } from "@/lib/sync/contract";
import { isOutOfRange } from "@/lib/work-orders/reading-range";
import { PhotoPicker } from "./photo-picker";
import { PhotoThumbnails } from "./photo-thumbnails";

const RESULTS: { value: TComplianceResult; label: string }[] = [
  { value: "PASS", label: "Pass" },
  { value: "FAIL", label: "Fail" },
  { value: "NOT_APPLICABLE", label: "N/A" },
];

export function ServiceTaskItem({ task, serviceTask, db, actions, disabled }: { task: TStoredTask; serviceTask: TServiceTaskSnapshot; db: OfflineDatabase; actions: TTechActions; disabled: boolean }) {
  const [reading, setReading] = useState(serviceTask.reading === null ? "" : String(serviceTask.reading));
  const [answer, setAnswer] = useState(serviceTask.answer ?? "");
  const [error, setError] = useState("");
  const inputId = `st-${serviceTask.id}`;
  const range = [serviceTask.minValue, serviceTask.maxValue].every((v) => v === null) ? "" : `allowed ${serviceTask.minValue ?? "…"}–${serviceTask.maxValue ?? "…"} ${serviceTask.unit ?? ""}`;

  const record = (changes: Parameters<TTechActions["recordResult"]>[2]) => {
    const base = Object.fromEntries(Object.keys(changes).map((field) => [field, serviceTask[field as keyof typeof changes] ?? null]));
    return actions.recordResult(task.id, serviceTask.id, changes, base);
  };
  function saveReading() {
    const value = reading.trim() === "" ? null : Number(reading.replace(",", "."));
    if (value !== null && !Number.isFinite(value)) return setError("Enter a number");
    setError("");
    if (value !== serviceTask.reading) void record({ reading: value });
  }

  return (
    <li className="service-task" data-testid={`service-task-${serviceTask.position}`}>
      <p>
        <strong>{serviceTask.title}</strong>
        {serviceTask.photoRequired && <span className="flag"> · photo required</span>}
      </p>
      {serviceTask.kind === "CHECK" && (
        <div className="button-row" role="group" aria-label={`${serviceTask.title} result`}>
          {RESULTS.map((r) => (
            <button key={r.value} type="button" className={`button ${serviceTask.result === r.value ? "button-primary" : "button-secondary"}`} aria-pressed={serviceTask.result === r.value} disabled={disabled} onClick={() => record({ result: r.value })}>
              {r.label}
            </button>
          ))}
        </div>
      )}
      {serviceTask.kind === "READING" && (
        <div className={error ? "field field-invalid" : "field"}>
          <label htmlFor={inputId}>
            Reading{serviceTask.unit ? ` (${serviceTask.unit})` : ""}
          </label>
          <input id={inputId} inputMode="decimal" value={reading} disabled={disabled} onChange={(e) => setReading(e.target.value)} onBlur={saveReading} />
          {range && <small className="hint">{range}</small>}
          {isOutOfRange(serviceTask, serviceTask.reading) && <small className="field-error">Out of range</small>}
          {error && <small className="field-error">{error}</small>}
        </div>
      )}
      {serviceTask.kind === "TEXT" && (
        <div className="field">
          <label htmlFor={inputId}>Answer</label>
          <textarea id={inputId} rows={2} value={answer} disabled={disabled} onChange={(e) => setAnswer(e.target.value)} onBlur={() => answer !== (serviceTask.answer ?? "") && record({ answer: answer || null })} />
        </div>
      )}
      {(serviceTask.kind === "PHOTO" || serviceTask.photoRequired) && !disabled && <PhotoPicker label={`Add photo: ${serviceTask.title}`} showThumbnails={false} onPhotos={(photos) => actions.addPhotos(task.id, serviceTask.id, photos)} />}
      <PhotoThumbnails db={db} taskId={task.id} serviceTaskId={serviceTask.id} />
    </li>
  );
}
