import type { TStoredTask } from "@/lib/offline/database";

export type TStepId = "arrive" | "checks" | "defects" | "sign-off";
export type TStep = { id: TStepId; label: string; done: boolean };

// The visit as the steps a technician follows, one hand on the phone: arrive, do the
// checks, report what is wrong, sign off. Each step is its own screen.
// `seen`: the steps the technician has opened and left.
export function visitSteps(task: TStoredTask, seen: ReadonlySet<TStepId> = new Set()): TStep[] {
  const arrived = task.status !== "ACCEPTED" && task.status !== "SCHEDULED";
  const checked = task.serviceTasks.every(
    (step) => step.result !== null || step.reading !== null || (step.answer ?? "") !== "",
  );
  const performed = ["PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"].includes(task.status);
  const hasChecks = task.serviceTasks.length > 0;
  return [
    { id: "arrive", label: "Arrive", done: arrived },
    ...(hasChecks ? [{ id: "checks" as const, label: "Checks", done: checked && arrived }] : []),
    // Optional: done once something is reported, or once the technician has looked at it.
    { id: "defects", label: "Defects", done: performed || task.defects.length > 0 || (arrived && seen.has("defects")) },
    { id: "sign-off", label: "Sign off", done: performed },
  ];
}

// The step to open: the first not yet done.
export function currentStep(steps: TStep[]): TStepId {
  return (steps.find((step) => !step.done) ?? steps[steps.length - 1]).id;
}

export function VisitSteps({ steps, open, onOpen }: { steps: TStep[]; open: TStepId; onOpen: (id: TStepId) => void }) {
  return (
    <nav className="visit-steps" aria-label="Steps of the visit">
      <ol>
        {steps.map((step, index) => (
          <li key={step.id} className={step.id === open ? "step-current" : step.done ? "step-done" : undefined}>
            <button
              type="button"
              aria-current={step.id === open ? "step" : undefined}
              aria-controls={`step-${step.id}`}
              onClick={() => onOpen(step.id)}
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

// Back and next at the foot of a step, where the thumb is.
export function StepNav({ steps, open, onOpen }: { steps: TStep[]; open: TStepId; onOpen: (id: TStepId) => void }) {
  const at = steps.findIndex((step) => step.id === open);
  const previous = steps[at - 1];
  const next = steps[at + 1];
  return (
    <div className="step-nav">
      {previous ? (
        <button type="button" className="button button-ghost" onClick={() => onOpen(previous.id)}>
          ← {previous.label}
        </button>
      ) : (
        <span />
      )}
      {next && (
        <button type="button" className="button button-secondary" onClick={() => onOpen(next.id)}>
          Next: {next.label} →
        </button>
      )}
    </div>
  );
}
