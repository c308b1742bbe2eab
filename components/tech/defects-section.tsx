import { useState, type FormEvent } from "react";
import type { TResizedPhoto } from "@/lib/offline/photos/resize-photo";
import type { OfflineDatabase, TStoredTask } from "@/lib/offline/database";
import { mutationProblems } from "@/lib/offline/check-mutation";
import { trySave } from "@/lib/offline/save-error";
import type { TTechActions } from "@/lib/offline/tech-actions";
import type { TDefectSeverity } from "@/lib/sync/contract";
import { PhotoPicker } from "./photo-picker";
import { PhotoThumbnails } from "./photo-thumbnails";

const SEVERITIES: TDefectSeverity[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];

export function DefectsSection({
  task,
  db,
  actions,
  disabled,
}: {
  task: TStoredTask;
  db: OfflineDatabase;
  actions: TTechActions;
  disabled: boolean;
}) {
  const [severity, setSeverity] = useState<TDefectSeverity>("MEDIUM");
  const [description, setDescription] = useState("");
  const [photos, setPhotos] = useState<TResizedPhoto[]>([]);
  const [error, setError] = useState("");
  const [saveError, setSaveError] = useState("");
  const [pickerKey, setPickerKey] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = mutationProblems(task.id, {
      type: "report_defect",
      defectId: crypto.randomUUID(),
      severity,
      description,
    }).description;
    if (problem) return setError(problem);
    setError("");
    const saved = await trySave(
      () => actions.reportDefect(task.id, { severity, description: description.trim() }, photos),
      setSaveError,
    );
    if (!saved) return;
    setDescription("");
    setPhotos([]);
    setPickerKey((k) => k + 1);
  }

  if (disabled && task.defects.length === 0) return null;
  return (
    <section className="card" aria-label="Defects">
      <h2>Defects</h2>
      <ul>
        {task.defects.map((defect) => (
          <li key={defect.id}>
            <strong>{defect.severity.toLowerCase()}</strong>: {defect.description}
            <PhotoThumbnails db={db} taskId={task.id} defectId={defect.id} />
          </li>
        ))}
      </ul>
      {!disabled && (
        <form onSubmit={submit} className="form" noValidate data-testid="defect-form">
          {saveError && (
            <p className="alert alert-error" role="alert">
              {saveError}
            </p>
          )}
          <div className="field">
            <label htmlFor="defect-severity">Severity</label>
            <select
              id="defect-severity"
              value={severity}
              onChange={(e) => setSeverity(e.target.value as TDefectSeverity)}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s.charAt(0) + s.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          </div>
          <div className={error ? "field field-invalid" : "field"}>
            <label htmlFor="defect-description">What is wrong?</label>
            <textarea
              id="defect-description"
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
            {error && <small className="field-error">{error}</small>}
          </div>
          <PhotoPicker key={pickerKey} onPhotos={(added) => setPhotos((p) => [...p, ...added])} />
          <button type="submit" className="button button-secondary">
            Report defect
          </button>
        </form>
      )}
    </section>
  );
}
