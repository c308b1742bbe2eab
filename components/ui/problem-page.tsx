import type { ReactNode } from "react";

// The one design for a page that cannot be shown: one that does not exist or is out of
// reach, a link that is not valid or has expired, a failure on our side. Inside an
// audience's shell it keeps the navigation; outside one it sits in the plain frame.
export function ProblemPage({
  title,
  children,
  actions,
  testId,
  alert = false,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
  // A failure that just happened is announced; a page that is simply not there is not.
  alert?: boolean;
}) {
  return (
    <div className="problem-page">
      <section className="card problem-card" role={alert ? "alert" : undefined} data-testid={testId}>
        <h1>{title}</h1>
        <div className="problem-text">{children}</div>
        {actions && <div className="button-row">{actions}</div>}
      </section>
    </div>
  );
}
