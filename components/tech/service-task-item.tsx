import { useState } from "react";
import type { OfflineDatabase, TStoredTask } from "@/lib/offline/database";
import { mutationProblems } from "@/lib/offline/check-mutation";
import { trySave } from "@/lib/offline/save-error";
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

export function ServiceTaskItem({
  task,
  serviceTask,
  db,
  actions,
  disabled,
}: {
  task: TStoredTask;
  serviceTask: TServiceTaskSnapshot;
  db: OfflineDatabase;
  actions: TTechActions;
  disabled: boolean;
}) {
  // A field shows what the phone holds (a sync may bring a colleague's newer value) until
  // the technician types; what they typed is sent against the value they started from,
  // so a newer value that arrived meanwhile is a conflict, never silently overwritten.
  const reading = useDraft(serviceTask.reading === null ? "" : String(serviceTask.reading));
  const answer = useDraft(serviceTask.answer ?? "");
  const [error, setError] = useState("");
  const [saveError, setSaveError] = useState("");
  const inputId = `st-${serviceTask.id}`;
  const range = [serviceTask.minValue, serviceTask.maxValue].every((v) => v === null)
    ? ""
    : `allowed ${serviceTask.minValue ?? "…"}–${serviceTask.maxValue ?? "…"} ${serviceTask.unit ?? ""}`;

  type TFields = Parameters<TTechActions["recordResult"]>[2];
  const record = (
    changes: TFields,
    base: TFields = Object.fromEntries(
      Object.keys(changes).map((field) => [field, serviceTask[field as keyof TFields] ?? null]),
    ),
  ) => trySave(() => actions.recordResult(task.id, serviceTask.id, changes, base), setSaveError);
  const asReading = (text: string) => (text.trim() === "" ? null : Number(text.replace(",", ".")));
  function saveReading() {
    const edit = reading.finish();
    if (!edit) return setError("");
    const value = asReading(edit.text);
    if (value !== null && !Number.isFinite(value)) {
      reading.keep(edit);
      return setError("Enter a number");
    }
    setError("");
    const started = asReading(edit.startedFrom);
    if (value !== started) void record({ reading: value }, { reading: started }).then((ok) => ok || reading.keep(edit));
  }
  function saveAnswer() {
    const edit = answer.finish();
    if (!edit || edit.text === edit.startedFrom) return;
    const problem = mutationProblems(task.id, {
      type: "record_result",
      serviceTaskId: serviceTask.id,
      changes: { answer: edit.text },
      base: {},
    })["changes.answer"];
    if (problem) {
      answer.keep(edit);
      return setError(problem);
    }
    setError("");
    void record({ answer: edit.text || null }, { answer: edit.startedFrom || null }).then(
      (ok) => ok || answer.keep(edit),
    );
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
            <button
              key={r.value}
              type="button"
              className={`button ${serviceTask.result === r.value ? "button-primary" : "button-secondary"}`}
              aria-pressed={serviceTask.result === r.value}
              disabled={disabled}
              onClick={() => record({ result: r.value })}
            >
              {r.label}
            </button>
          ))}
        </div>
      )}
      {serviceTask.kind === "READING" && (
        <div className={error ? "field field-invalid" : "field"}>
          <label htmlFor={inputId}>Reading{serviceTask.unit ? ` (${serviceTask.unit})` : ""}</label>
          <input
            id={inputId}
            inputMode="decimal"
            value={reading.shown}
            disabled={disabled}
            onChange={(e) => reading.type(e.target.value)}
            onBlur={saveReading}
          />
          {range && <small className="hint">{range}</small>}
          {isOutOfRange(serviceTask, serviceTask.reading) && <small className="field-error">Out of range</small>}
          {error && <small className="field-error">{error}</small>}
        </div>
      )}
      {serviceTask.kind === "TEXT" && (
        <div className={error ? "field field-invalid" : "field"}>
          <label htmlFor={inputId}>Answer</label>
          <textarea
            id={inputId}
            rows={2}
            value={answer.shown}
            disabled={disabled}
            onChange={(e) => answer.type(e.target.value)}
            onBlur={saveAnswer}
          />
          {error && <small className="field-error">{error}</small>}
        </div>
      )}
      {(serviceTask.kind === "PHOTO" || serviceTask.photoRequired) && !disabled && (
        <PhotoPicker
          label={`Add photo: ${serviceTask.title}`}
          showThumbnails={false}
          onPhotos={(photos) =>
            void trySave(() => actions.addPhotos(task.id, serviceTask.id, photos), setSaveError, "Add the photo again.")
          }
        />
      )}
      {saveError && (
        <p className="alert alert-error" role="alert">
          {saveError}
        </p>
      )}
      <PhotoThumbnails db={db} taskId={task.id} serviceTaskId={serviceTask.id} />
    </li>
  );
}

type TEdit = { text: string; startedFrom: string };

// Text being typed over a stored value: none until the first keystroke; `finish` hands
// back what was typed and the value it started from, once.
function useDraft(stored: string) {
  const [edit, setEdit] = useState<TEdit | null>(null);
  return {
    shown: edit ? edit.text : stored,
    type: (text: string) => setEdit((current) => ({ text, startedFrom: current ? current.startedFrom : stored })),
    finish: (): TEdit | null => {
      setEdit(null);
      return edit;
    },
    keep: (kept: TEdit) => setEdit(kept),
  };
}
