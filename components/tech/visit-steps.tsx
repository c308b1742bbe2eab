import type { TStoredTask } from "@/lib/offline/database";

type TStep = { id: string; label: string; done: boolean };

// The visit as the steps a technician follows, one hand on the phone: arrive, do the
// checks, report what is wrong, sign off. Each step scrolls to its part of the page (the
// app routes by the address's #, so these are buttons, not in-page links).
export function visitSteps(task: TStoredTask, hasChecks: boolean): TStep[] {
  const arrived = task.status !== "ACCEPTED" && task.status !== "SCHEDULED";
  const checked = task.serviceTasks.every(
    (step) => step.result !== null || step.reading !== null || (step.answer ?? "") !== "",
  );
  const performed = ["PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"].includes(task.status);
  return [
    { id: "step-arrive", label: "Arrive", done: arrived },
    ...(hasChecks ? [{ id: "step-checks", label: "Checks", done: checked && arrived }] : []),
    // Optional: done once something is reported, or once the checks are through.
    { id: "step-defects", label: "Defects", done: performed || task.defects.length > 0 || (arrived && checked) },
    { id: "step-sign-off", label: "Sign off", done: performed },
  ];
}

export function VisitSteps({ steps }: { steps: TStep[] }) {
  const current = steps.find((step) => !step.done)?.id;
  return (
    <nav className="visit-steps" aria-label="Steps of the visit">
      <ol>
        {steps.map((step, index) => (
          <li key={step.id} className={step.done ? "step-done" : step.id === current ? "step-current" : undefined}>
            <button
              type="button"
              aria-current={step.id === current ? "step" : undefined}
              onClick={() => document.getElementById(step.id)?.scrollIntoView({ behavior: "smooth", block: "start" })}
            >
              <span className="step-number" aria-hidden="true">
                {step.done ? "✓" : index + 1}
              </span>
              {step.label}
              {step.done && <span className="visually-hidden"> (done)</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
