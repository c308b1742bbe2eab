import { formatStamp } from "@/components/ui/format";
import type { TReaderClock } from "@/lib/time/reader-zone";

type TAttachment = { id: string; kind: string; filename: string; sizeBytes: number; createdAt: Date };

const KIND_LABELS: Record<string, string> = {
  CLIENT_DOCUMENT: "From the client",
  REPORT: "Report",
  INVOICE: "Invoice",
  QUOTE: "Quote",
  PHOTO: "Photo",
  OTHER: "Other",
};

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function AttachmentList({ attachments, clock }: { attachments: TAttachment[]; clock: TReaderClock }) {
  if (attachments.length === 0) return <p className="muted">No documents yet.</p>;
  return (
    <ul className="attachments" aria-label="Documents">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`/api/files/${a.id}`}>{a.filename}</a>{" "}
          <small className="muted">
            {KIND_LABELS[a.kind] ?? a.kind} · {size(a.sizeBytes)} · {formatStamp(a.createdAt, clock)}
          </small>
        </li>
      ))}
    </ul>
  );
}
