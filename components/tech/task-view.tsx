import type { OfflineDatabase, TOutboxEntry, TStoredTask } from "@/lib/offline/database";
import type { TTechActions } from "@/lib/offline/tech-actions";
import { AttentionPanel } from "./attention-panel";
import { DefectsSection } from "./defects-section";
import { DocumentsSection } from "./documents-section";
import { MessagesSection } from "./messages-section";
import { CheckInButton, RevisitForm } from "./on-site-actions";
import { PerformForm } from "./perform-form";
import { ServiceTaskItem } from "./service-task-item";
import { isWorkable } from "@/lib/assignments/status-machine";
import { statusLabel } from "@/lib/statuses/status-words";
import { useLiveQuery } from "./use-live-query";
import { TimeSection } from "./time-section";
import { VisitBookingSection } from "./visit-booking-section";
import { StepNav, VisitSteps, currentStep, visitSteps, type TStepId } from "./visit-steps";
import { useState, type ReactNode } from "react";
import { formatSiteTime } from "@/lib/time/site-clock";

// A due date is a calendar day (kept as its midnight UTC): the same day on every phone.
const calendarDay = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const fmtDay = (iso: string | null) => (iso ? calendarDay.format(new Date(iso)) : "—");

export function TaskView({
  task,
  db,
  actions,
  userName,
  attention,
}: {
  task: TStoredTask;
  db: OfflineDatabase;
  actions: TTechActions;
  userName: string;
  attention: TOutboxEntry[];
}) {
  const onSite = task.status === "IN_PROGRESS";
  // Every time on this page is on the site's clock, named when the phone's says otherwise.
  const fmt = (iso: string | null) => (iso ? formatSiteTime(iso, task.site.timeZone) : "—");
  const localPhotoTargets = useLiveQuery(
    async () => new Set((await db.photos.where("taskId").equals(task.id).toArray()).map((p) => p.serviceTaskId)),
    [db, task.id],
    new Set<string | undefined>(),
  );
  const photosMissing = task.serviceTasks
    .filter((s) => s.photoRequired && s.photoCount === 0 && !localPhotoTargets.has(s.id))
    .map((s) => s.title);
  const canWork = isWorkable(task.status) && !task.withdrawn;
  // The visit's steps are for work still to do on site; performed work reads as a whole.
  const visiting = canWork && task.status !== "PERFORMED";
  // Once the work is performed, the technician records their time (until it is invoiced).
  const recordsTime = !task.withdrawn && ["PERFORMED", "COMPLETED", "REVIEWED"].includes(task.status);
  // A step the technician has looked at (Defects is optional: done once seen).
  const [seen, setSeen] = useState<Set<TStepId>>(() => new Set());
  const steps = visitSteps(task, seen);
  // Each arrival at a new status opens the step it leads to (checked in: the checks);
  // otherwise the technician moves between steps, and no step jumps on its own.
  const stepKey = `${task.id}:${task.status}`;
  const [shown, setShown] = useState<{ key: string; id: TStepId }>({ key: stepKey, id: currentStep(steps) });
  if (shown.key !== stepKey) setShown({ key: stepKey, id: currentStep(steps) });
  const open = shown.id;

  function openStep(id: TStepId) {
    setShown({ key: stepKey, id });
    // The step being left has been seen (tapping the open step again leaves nothing).
    if (id !== open) setSeen((current) => (current.has(open) ? current : new Set(current).add(open)));
    requestAnimationFrame(() => {
      const panel = document.getElementById(`step-${id}`);
      if (!panel) return;
      panel.focus({ preventScroll: true });
      if (panel.getBoundingClientRect().top < 0) panel.scrollIntoView({ block: "start" });
    });
  }

  const details = (
    <section className="card">
      <dl className="details">
        <dt>Site</dt>
        <dd>
          {task.site.name}, {task.site.address}
        </dd>
        <dt>Access</dt>
        <dd>{task.site.accessDetails ?? "—"}</dd>
        <dt>Contact</dt>
        <dd>
          {task.site.contactName ?? "—"}{" "}
          {task.site.contactPhone && <a href={`tel:${task.site.contactPhone}`}>{task.site.contactPhone}</a>}
        </dd>
        {task.asset && (
          <>
            <dt>Asset</dt>
            <dd>
              {task.asset.name}
              {task.asset.serialNumber ? ` (serial ${task.asset.serialNumber})` : ""}
            </dd>
          </>
        )}
        <dt>Scheduled</dt>
        <dd>{fmt(task.scheduledAt ?? task.plannedAt)}</dd>
        <dt>Due</dt>
        <dd>{fmtDay(task.dueAt)}</dd>
        <dt>On site since</dt>
        <dd>{fmt(task.checkedInAt)}</dd>
      </dl>
      {task.description && <p className="prewrap">{task.description}</p>}
      {task.revisitReason && task.status === "REVISIT" && <p className="flag">Revisit needed: {task.revisitReason}</p>}
    </section>
  );
  const checks = task.serviceTasks.length > 0 && (
    <section className="card" aria-label="Service tasks">
      <h2>Service tasks</h2>
      <ol className="service-tasks">
        {task.serviceTasks.map((serviceTask) => (
          <ServiceTaskItem
            key={serviceTask.id}
            task={task}
            serviceTask={serviceTask}
            db={db}
            actions={actions}
            disabled={!onSite}
          />
        ))}
      </ol>
      {!onSite && visiting && <p className="muted">Tap “I&apos;m on site” to record results.</p>}
    </section>
  );
  const defects = <DefectsSection task={task} db={db} actions={actions} disabled={!onSite} />;
  const history = task.history.length > 0 && (
    <section className="card">
      <h2>Timeline</h2>
      <ol className="timeline">
        {task.history.map((h) => (
          <li key={h.at + h.text}>
            {h.text} <time>{fmt(h.at)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
  const notYetOnSite = (what: string) => (
    <section className="card">
      <p className="muted">Tap “I&apos;m on site” in the Arrive step {what}.</p>
    </section>
  );
  const panel = (id: TStepId, children: ReactNode) => (
    <div id={`step-${id}`} className="step-panel" hidden={open !== id} tabIndex={-1}>
      {children}
      <StepNav steps={steps} open={open} onOpen={openStep} />
    </div>
  );

  return (
    <article className="task-view" data-testid="task-view">
      <p>
        <a href="#/">← My tasks</a>
      </p>
      <header className="page-header">
        <div>
          <p className="muted">
            #{task.number} · {task.clientName}
          </p>
          <h1>{task.title}</h1>
        </div>
        <span className={task.withdrawn ? "badge badge-danger" : "badge badge-info"} data-testid="task-status">
          {task.withdrawn ? "Withdrawn" : statusLabel(task.status)}
        </span>
      </header>
      {task.withdrawn && (
        <p className="alert alert-error">
          This task was taken away from you. Your unsynced work below will still reach the office.
        </p>
      )}
      <AttentionPanel entries={attention} task={task} actions={actions} />
      {visiting ? (
        <>
          <VisitSteps steps={steps} open={open} onOpen={openStep} />
          {panel(
            "arrive",
            <>
              <CheckInButton task={task} actions={actions} />
              {details}
              <VisitBookingSection task={task} onBooked={actions.refresh} />
              <DocumentsSection task={task} db={db} />
              <MessagesSection task={task} />
              {history}
            </>,
          )}
          {checks && panel("checks", checks)}
          {panel("defects", onSite || task.defects.length > 0 ? defects : notYetOnSite("to report a defect"))}
          {panel(
            "sign-off",
            onSite ? (
              <>
                <PerformForm task={task} actions={actions} userName={userName} photosMissing={photosMissing} />
                <TimeSection task={task} actions={actions} />
                <RevisitForm task={task} actions={actions} />
              </>
            ) : (
              notYetOnSite("to sign off the visit")
            ),
          )}
        </>
      ) : (
        <>
          {recordsTime && <TimeSection task={task} actions={actions} />}
          {details}
          <DocumentsSection task={task} db={db} />
          <MessagesSection task={task} />
          {checks}
          {defects}
          {history}
        </>
      )}
    </article>
  );
}
