import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import type { TActionResult } from "@/lib/actions/result";
import type { listEvidencePacks } from "@/lib/evidence-packs/list-evidence-packs";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { RefreshWhile } from "./refresh-while";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TPacks = Awaited<ReturnType<typeof listEvidencePacks>>;

// The PDFs of a work order for its reader: the printable work order, the service report,
// and evidence packs, which are prepared in the background (the page refreshes itself
// until a pack is ready) with each pack's SHA-256.
export function DocumentsPanel({
  links,
  packs,
  request,
  downloadBase,
  clock,
}: {
  links: { href: string; label: string }[];
  packs: TPacks;
  request: { action: TAction; field: string; value: string };
  downloadBase: string;
  clock: TReaderClock;
}) {
  const preparing = packs.some((p) => p.status === "PREPARING");
  return (
    <section className="card" aria-label="PDFs">
      <h2>PDFs</h2>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} download>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      <h3>Evidence packs</h3>
      <p className="hint">
        One PDF with the timeline, the work on site, approvals, messages and every file with its SHA-256. Anyone can
        check a pack is unaltered at /verify.
      </p>
      {packs.length > 0 && (
        <ul data-testid="evidence-packs">
          {packs.map((pack) =>
            pack.status === "READY" ? (
              <li key={pack.id}>
                <a href={`${downloadBase}/${pack.id}`} download>
                  Evidence pack of {formatStamp(pack.completedAt, clock)}
                </a>{" "}
                <span className="hint">
                  {pack.pages} pages, {Math.round((pack.sizeBytes ?? 0) / 1024).toLocaleString("en-GB")} KB, SHA-256{" "}
                  {pack.sha256?.slice(0, 16)}…
                </span>
              </li>
            ) : pack.status === "PREPARING" ? (
              <li key={pack.id} role="status">
                Preparing the evidence pack asked for {formatStamp(pack.createdAt, clock)}…
              </li>
            ) : (
              <li key={pack.id} className="flag">
                The pack asked for {formatStamp(pack.createdAt, clock)} could not be made: {pack.error}
              </li>
            ),
          )}
        </ul>
      )}
      {preparing && <RefreshWhile seconds={2} />}
      <ActionForm action={request.action} toast="Preparing the evidence pack." testId="evidence-pack-form">
        <input type="hidden" name={request.field} value={request.value} />
        <SubmitButton variant="secondary">Make an evidence pack</SubmitButton>
      </ActionForm>
    </section>
  );
}
