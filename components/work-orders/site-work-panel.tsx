import { formatDayIn, formatStamp } from "@/components/ui/format";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { formatMoment } from "@/lib/time/zones";
import type { getSiteWork } from "@/lib/work-orders/get-site-work";
import { isOutOfRange } from "@/lib/work-orders/reading-range";
import { framedSignatureSvg } from "@/lib/people/signature-svg";
import { TableScroll } from "@/components/ui/table-scroll";

type TSiteWork = NonNullable<Awaited<ReturnType<typeof getSiteWork>>>;
type TPhoto = { id: string; filename: string };

const RESULT_LABELS: Record<string, string> = { PASS: "Pass", FAIL: "Fail", NOT_APPLICABLE: "N/A" };

function Photos({ photos }: { photos: TPhoto[] }) {
  if (photos.length === 0) return null;
  return (
    <ul className="thumbnails" aria-label="Photos">
      {photos.map((photo) => (
        <li key={photo.id}>
          <a href={`/api/files/${photo.id}`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- served by the scoped file route */}
            <img src={`/api/files/${photo.id}`} alt={photo.filename} width={96} height={96} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  );
}

function resultOf(step: TSiteWork["serviceTasks"][number]): string {
  if (step.kind === "READING" && step.reading !== null)
    return `${step.reading} ${step.unit ?? ""}${isOutOfRange(step, step.reading) ? " (out of range)" : ""}`;
  if (step.result) return RESULT_LABELS[step.result];
  return step.answer ?? "—";
}

// The evidence a reviewer needs before accepting the work. What happened on site is
// shown on the site's clock.
export function SiteWorkPanel({ work, siteZone, clock }: { work: TSiteWork; siteZone: string; clock: TReaderClock }) {
  const onSite = (at: Date) => formatMoment(at, siteZone, clock.readerZone);
  return (
    <>
      {work.serviceTasks.length > 0 && (
        <TableScroll label="Service tasks">
          <table className="table" aria-label="Service tasks">
            <thead>
              <tr>
                <th>Step</th>
                <th>Result</th>
                <th>Photos</th>
              </tr>
            </thead>
            <tbody>
              {work.serviceTasks.map((step) => (
                <tr key={step.id}>
                  <td>
                    {step.title}
                    {step.kind === "READING" && (step.minValue !== null || step.maxValue !== null) && (
                      <small className="muted">
                        {" "}
                        (allowed {step.minValue ?? "…"}–{step.maxValue ?? "…"} {step.unit})
                      </small>
                    )}
                  </td>
                  <td
                    className={isOutOfRange(step, step.reading) || step.result === "FAIL" ? "text-danger" : undefined}
                  >
                    {resultOf(step)}
                  </td>
                  <td>
                    <Photos photos={step.photos} />
                    {step.photoRequired && step.photos.length === 0 && <span className="flag">photo required</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {work.visits.map((visit) => (
        <div key={visit.id} data-testid="site-visit">
          {visit.workedAt && <p>Work done on {formatDayIn(visit.workedAt, siteZone)}</p>}
          {visit.checkIns.map((c) => (
            <p key={c.id} className="muted">
              On site {onSite(c.deviceAt)} (device time; synced {formatStamp(c.syncedAt, clock)})
              {c.latitude !== null && c.longitude !== null && ` at ${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)}`}
            </p>
          ))}
          {visit.defects.length > 0 && (
            <>
              <h3>Defects</h3>
              <ul>
                {visit.defects.map((d) => (
                  <li key={d.id}>
                    <strong>{d.severity.toLowerCase()}</strong>: {d.description}
                    <Photos photos={d.photos} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {visit.performedNotes && <p className="prewrap">Technician&apos;s notes: {visit.performedNotes}</p>}
          {visit.signatures.length > 0 && (
            <div className="signatures">
              {visit.signatures.map((s) => (
                <figure key={s.id}>
                  {s.method === "TYPED" || !s.imageSvg ? (
                    <p className="signature-typed" aria-label={`Typed signature of ${s.signerName}`}>
                      {s.signerName}
                      <small>Signed by typing their name</small>
                    </p>
                  ) : (
                    // eslint-disable-next-line @next/next/no-img-element -- a signature SVG checked for scripts on the way in
                    <img
                      className="signature-current"
                      alt={`Signature of ${s.signerName}`}
                      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(framedSignatureSvg(s.imageSvg))}`}
                    />
                  )}
                  <figcaption>
                    {s.signerName} ({s.signerRole === "TECHNICIAN" ? "technician" : "on-site client"}),{" "}
                    {onSite(s.signedAt)}
                  </figcaption>
                </figure>
              ))}
            </div>
          )}
        </div>
      ))}
    </>
  );
}
