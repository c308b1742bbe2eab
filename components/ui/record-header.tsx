import type { ReactNode } from "react";
import type { TStatusWords } from "@/lib/statuses/status-words";
import { StatusBadge } from "./status-badge";

export type TRecordFact = { label: string; value: ReactNode };

// The top of every record page (a work order, a task, and each record after them): its
// number and title, its one status with what it means now, the facts a person looks for
// first, and the one or two actions that matter now.
export function RecordHeader({
  eyebrow,
  title,
  status,
  detail,
  facts,
  actions,
}: {
  eyebrow: ReactNode;
  title: string;
  status: TStatusWords;
  detail?: ReactNode;
  facts: TRecordFact[];
  actions?: ReactNode;
}) {
  return (
    <header className="record-header">
      <div className="record-heading">
        <div>
          <p className="record-eyebrow">{eyebrow}</p>
          <h1>{title}</h1>
          <p className="record-status" data-testid="record-status">
            <StatusBadge words={status} />
            {detail && <span className="record-detail">{detail}</span>}
          </p>
        </div>
        {actions && <div className="record-actions">{actions}</div>}
      </div>
      <dl className="record-facts">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
