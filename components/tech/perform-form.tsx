import { useState, type FormEvent } from "react";
import { SignatureField } from "@/components/signature/signature-field";
import type { TStoredTask } from "@/lib/offline/database";
import { mutationProblems } from "@/lib/offline/check-mutation";
import type { TTechActions } from "@/lib/offline/tech-actions";

type TErrors = Partial<Record<"notes" | "technicianSignature" | "clientName" | "form", string>>;

// "I've performed this work": notes, the technician's signature and, if someone on site
// signs, their name and signature. The office then adds documents and completes it.
export function PerformForm({
  task,
  actions,
  userName,
  photosMissing,
}: {
  task: TStoredTask;
  actions: TTechActions;
  userName: string;
  photosMissing: string[];
}) {
  const [errors, setErrors] = useState<TErrors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const notes = String(form.get("notes") ?? "").trim();
    const technicianSvg = String(form.get("technicianSignature") ?? "");
    const clientName = String(form.get("clientName") ?? "").trim();
    const clientSvg = String(form.get("clientSignature") ?? "");
    const input = {
      notes,
      technicianSignature: { name: userName, svg: technicianSvg },
      ...(clientSvg ? { clientSignature: { name: clientName, svg: clientSvg } } : {}),
    };
    const problems = mutationProblems(task.id, { type: "perform", ...input });
    const found: TErrors = {};
    if (problems.notes) found.notes = problems.notes;
    if (!technicianSvg) found.technicianSignature = "Sign to confirm the work is done";
    else if (problems["technicianSignature.svg"]) found.technicianSignature = problems["technicianSignature.svg"];
    if (clientSvg && !clientName) found.clientName = "Enter the name of the person who signed";
    else if (problems["clientSignature.name"] ?? problems["clientSignature.svg"])
      found.clientName = problems["clientSignature.name"] ?? problems["clientSignature.svg"];
    if (photosMissing.length) found.form = `Add the required photo for: ${photosMissing.join(", ")}`;
    setErrors(found);
    if (Object.keys(found).length) return;
    await actions.perform(task.id, input);
  }

  return (
    <section className="card" aria-label="Performed">
      <h2>I&apos;ve performed this work</h2>
      <form onSubmit={submit} className="form" noValidate data-testid="perform-form">
        {errors.form && (
          <p className="alert alert-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className={errors.notes ? "field field-invalid" : "field"}>
          <label htmlFor="perform-notes">Notes for the office</label>
          <textarea id="perform-notes" name="notes" rows={3} />
          {errors.notes && <small className="field-error">{errors.notes}</small>}
        </div>
        <SignatureField name="technicianSignature" label="Your signature" />
        {errors.technicianSignature && <small className="field-error">{errors.technicianSignature}</small>}
        <div className={errors.clientName ? "field field-invalid" : "field"}>
          <label htmlFor="client-name">On-site client&apos;s name (optional)</label>
          <input id="client-name" name="clientName" />
          {errors.clientName && <small className="field-error">{errors.clientName}</small>}
        </div>
        <SignatureField name="clientSignature" label="On-site client's signature (optional)" />
        <button type="submit" className="button button-primary button-large">
          I&apos;ve performed this work
        </button>
      </form>
    </section>
  );
}
