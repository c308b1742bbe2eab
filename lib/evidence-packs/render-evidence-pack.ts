import "server-only";
import { quantityInWords } from "@/lib/billing/unit-codes";
import { formatMoney } from "@/lib/money/format-money";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { describeEvent } from "@/lib/timeline/describe-event";
import { formatMoment } from "@/lib/time/zones";
import type { TReadPhoto } from "@/lib/work-orders/render-service-report-pdf";
import { writeSiteWork } from "@/lib/work-orders/write-site-work";
import type { TEvidence } from "./collect-evidence";

const KIND_WORDS: Record<string, string> = {
  CLIENT_DOCUMENT: "client document",
  REPORT: "report",
  INVOICE: "invoice",
  RECEIPT: "receipt",
  QUOTE: "quote",
  PHOTO: "photo",
  OTHER: "other",
};

// Writes the evidence pack: the work order, its timeline, the work on site (photos read
// one at a time), approvals, messages and every file with its SHA-256. The caller streams
// the document out as it is written.
export async function writeEvidencePack(
  evidence: TEvidence,
  readPhoto: TReadPhoto,
  madeAt: Date,
  verifyUrl: string,
): Promise<PdfWriter> {
  const clock = { zone: evidence.zone, readerZone: null };
  const when = (at: Date) => formatMoment(at, evidence.zone);
  const pdf = new PdfWriter({
    title: `Evidence pack, work order #${evidence.number}`,
    header: `${evidence.clientName} · evidence pack · work order #${evidence.number}`,
  });
  pdf.title(
    `Evidence pack: work order #${evidence.number}, ${evidence.title}`,
    `Made for ${evidence.reader} on ${when(madeAt)}`,
  );
  const site = evidence.site;
  pdf.fields([
    ["Client", evidence.clientName],
    [
      "Site",
      [site.name, site.addressLine1, site.addressLine2, `${site.city} ${site.postcode}`].filter(Boolean).join("\n"),
    ],
    ["Contractors", evidence.contractors.join(", ")],
    ["Scope", evidence.description],
    ...(evidence.internalNotes ? ([["Internal notes", evidence.internalNotes]] as [string, string][]) : []),
  ]);

  pdf.heading("Timeline");
  if (evidence.timeline.length === 0) pdf.muted("Nothing recorded.");
  else
    pdf.table(
      [
        { label: "When", width: 0.24 },
        { label: "Who", width: 0.2 },
        { label: "What", width: 0.56 },
      ],
      evidence.timeline.map((event) => [when(event.occurredAt), event.actorLabel, describeEvent(event, clock)]),
    );

  await writeSiteWork(pdf, evidence.work, evidence.zone, readPhoto);

  pdf.heading("Approvals");
  const { estimate, increases, invoices, approverName } = evidence.approvals;
  if (estimate.length + increases.length + invoices.length === 0) pdf.muted("No approvals.");
  for (const line of estimate)
    pdf.paragraph(
      `Estimate line approved ${line.approvedAt ? when(line.approvedAt) : ""}${line.approvedById ? ` by ${approverName.get(line.approvedById) ?? "staff"}` : ""}: ` +
        `${line.description}, ${quantityInWords(line.quantity, line.unitCode)} × ${formatMoney(line.unitPrice, evidence.currency)}`,
    );
  for (const request of increases)
    pdf.paragraph(
      `Not-to-exceed increase ${request.status.toLowerCase()} ${request.decidedAt ? when(request.decidedAt) : ""}: ` +
        `${formatMoney(request.currentNotToExceed, request.currency)} to ${formatMoney(request.requestedNotToExceed, request.currency)} (“${request.reason}”)`,
    );
  for (const invoice of invoices)
    pdf.paragraph(
      `Invoice ${invoice.number} ${invoice.status.toLowerCase()} ${invoice.decidedAt ? when(invoice.decidedAt) : ""}: ` +
        `${formatMoney(invoice.gross, invoice.currency)}${invoice.autoApproved ? " (automatically)" : ""}${invoice.decisionNote ? `. ${invoice.decisionNote}` : ""}`,
    );

  pdf.heading("Messages");
  const threads = evidence.threads.filter((t) => t.messages.length > 0);
  if (threads.length === 0) pdf.muted("No messages.");
  for (const thread of threads) {
    pdf.paragraph(`With ${thread.with}`, { size: 11 });
    for (const message of thread.messages)
      pdf.paragraph(`${when(message.createdAt)} · ${message.author?.name ?? "Someone"}: ${message.body}`);
  }

  pdf.heading("Files");
  if (evidence.attachments.length === 0) pdf.muted("No files.");
  else
    pdf.table(
      [
        { label: "File", width: 0.3 },
        { label: "Kind", width: 0.14 },
        { label: "Size", width: 0.1, align: "right" },
        { label: "SHA-256", width: 0.46 },
      ],
      evidence.attachments.map((file) => [
        file.filename,
        KIND_WORDS[file.kind] ?? file.kind.toLowerCase(),
        `${Math.max(1, Math.round(file.sizeBytes / 1024)).toLocaleString("en-GB")} KB`,
        file.sha256,
      ]),
    );
  pdf.muted(
    `Fieldgate recorded this PDF's own SHA-256 when it made it. To check that a copy is unaltered, upload it at ${verifyUrl}.`,
  );
  return pdf;
}
