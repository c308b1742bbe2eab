import { useState, type FormEvent } from "react";
import { SignatureField } from "@/components/signature/signature-field";
import type { TStoredTask } from "@/lib/offline/database";
import { mutationProblems } from "@/lib/offline/check-mutation";
import { trySave } from "@/lib/offline/save-error";
import type { TTechActions } from "@/lib/offline/tech-actions";
import { drawnSignatureProblem } from "@/lib/people/signature-svg";
import type { TSignatureInput } from "@/lib/sync/contract";

type TErrors = Partial<Record<"notes" | "technicianSignature" | "clientName" | "clientSignature" | "form", string>>;

// One signature from the form: drawn (its SVG) or typed (the name typed instead).
function signatureFrom(form: FormData, field: string, drawnName: string): TSignatureInput | null {
  const typed = String(form.get(`${field}Typed`) ?? "").trim();
  if (typed) return { name: typed, typed: true };
  const svg = String(form.get(field) ?? "");
  return svg ? { name: drawnName, svg } : null;
}

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
    const clientName = String(form.get("clientName") ?? "").trim();
    const technicianSignature = signatureFrom(form, "technicianSignature", userName);
    const clientSignature = signatureFrom(form, "clientSignature", clientName);
    const clientTyped = String(form.get("clientSignatureTyped") ?? "").trim();
    const found: TErrors = {};
    if (!technicianSignature) found.technicianSignature = "Sign to confirm the work is done";
    else if (!("typed" in technicianSignature))
      found.technicianSignature = drawnSignatureProblem(technicianSignature.svg ?? "") ?? undefined;
    if (clientSignature && !("typed" in clientSignature)) {
      if (!clientName) found.clientName = "Enter the name of the person who signed";
      found.clientSignature = drawnSignatureProblem(clientSignature.svg ?? "") ?? undefined;
    }
    if (clientTyped && clientName && clientTyped.toLowerCase() !== clientName.toLowerCase())
      found.clientName = "The name typed as the signature is not this name";
    const input = {
      notes,
      technicianSignature: technicianSignature ?? { name: userName, svg: "" },
      ...(clientSignature ? { clientSignature } : {}),
    };
    const problems = mutationProblems(task.id, { type: "perform", ...input });
    if (problems.notes) found.notes = problems.notes;
    found.technicianSignature ??= problems["technicianSignature.name"] ?? problems["technicianSignature.svg"];
    found.clientSignature ??= problems["clientSignature.name"] ?? problems["clientSignature.svg"];
    if (photosMissing.length) found.form = `Add the required photo for: ${photosMissing.join(", ")}`;
    const shown = Object.fromEntries(Object.entries(found).filter(([, message]) => message)) as TErrors;
    setErrors(shown);
    if (Object.keys(shown).length) {
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(
            '[data-testid="perform-form"] .field-invalid, [data-testid="perform-form"] [role="alert"]',
          )
          ?.scrollIntoView({ block: "center" }),
      );
      return;
    }
    await trySave(
      () => actions.perform(task.id, input),
      (message) => setErrors(message ? { form: message } : {}),
    );
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
        <SignatureField
          name="technicianSignature"
          label="Your signature"
          allowTyped
          error={errors.technicianSignature}
          onChange={() => setErrors(({ technicianSignature: _, ...rest }) => rest)}
        />
        <div className={errors.clientName ? "field field-invalid" : "field"}>
          <label htmlFor="client-name">On-site client&apos;s name (optional)</label>
          <input id="client-name" name="clientName" autoComplete="off" />
          {errors.clientName && <small className="field-error">{errors.clientName}</small>}
        </div>
        <SignatureField
          name="clientSignature"
          label="On-site client's signature (optional)"
          allowTyped
          error={errors.clientSignature}
          onChange={() => setErrors(({ clientSignature: _, ...rest }) => rest)}
        />
        <button type="submit" className="button button-primary button-large">
          I&apos;ve performed this work
        </button>
      </form>
    </section>
  );
}
