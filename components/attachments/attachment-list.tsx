import { formatDateTime } from "@/components/ui/format";

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

export function AttachmentList({ attachments }: { attachments: TAttachment[] }) {
  if (attachments.length === 0) return <p className="muted">No documents yet.</p>;
  return (
    <ul className="attachments" aria-label="Documents">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`/api/files/${a.id}`}>{a.filename}</a>{" "}
          <small className="muted">
            {KIND_LABELS[a.kind] ?? a.kind} · {size(a.sizeBytes)} · {formatDateTime(a.createdAt)}
          </small>
        </li>
      ))}
    </ul>
  );
}
