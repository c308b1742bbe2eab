import { formatDuration } from "@/lib/work-time/parse-duration";
import type { TPortalProgress } from "@/lib/portal/get-portal-progress";

const hours = (minutes: number) => formatDuration(minutes);

// Hours estimated (the counted lines in hours) against the labour recorded, in total and
// per line where the time names its line. The numbers come from the server on every
// change the page hears of.
export function CustomerProgress({ hours: progress }: { hours: TPortalProgress["hours"] }) {
  const share =
    progress.estimatedMinutes > 0 ? Math.round((progress.recordedMinutes / progress.estimatedMinutes) * 100) : null;
  return (
    <section className="card" aria-labelledby="hours-heading">
      <h2 id="hours-heading">Labour hours</h2>
      <dl className="details" data-testid="progress-hours">
        <dt>Estimated</dt>
        <dd data-testid="estimated-hours">
          {progress.estimatedMinutes ? hours(progress.estimatedMinutes) : "No estimate in hours yet"}
        </dd>
        <dt>Recorded so far</dt>
        <dd data-testid="recorded-hours">{hours(progress.recordedMinutes)}</dd>
      </dl>
      {share !== null && (
        <div className="progress-meter">
          <meter
            min={0}
            max={100}
            low={90}
            high={100}
            optimum={50}
            value={Math.min(share, 100)}
            aria-label="Hours recorded of the estimate"
          >
            {share} %
          </meter>
          <span>{share} % of the estimated hours</span>
        </div>
      )}
      {progress.perLine.length > 0 && (
        <ul className="plain-list" aria-label="Hours per line">
          {progress.perLine.map((line) => (
            <li key={line.id} data-testid="progress-line">
              <strong>{line.description}</strong>: {hours(line.recordedMinutes)} of {hours(line.estimatedMinutes)}
            </li>
          ))}
          {progress.unassignedMinutes > 0 && <li>Other work: {hours(progress.unassignedMinutes)}</li>}
        </ul>
      )}
    </section>
  );
}
