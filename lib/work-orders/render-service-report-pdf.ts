import "server-only";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import type { getSiteWork } from "./get-site-work";
import { writeSiteWork } from "./write-site-work";

export type TSiteWork = NonNullable<Awaited<ReturnType<typeof getSiteWork>>>;
export type TReadPhoto = (attachmentId: string) => Promise<{ bytes: Uint8Array; contentType: string } | null>;

// The service report: what was done on site, from the data the work order page shows,
// with its photos read one at a time through the reader's own file access.
export async function renderServiceReportPdf(
  report: { clientName: string; number: number; title: string; siteName: string; zone: string },
  work: TSiteWork,
  readPhoto: TReadPhoto,
): Promise<Buffer> {
  const pdf = new PdfWriter({
    title: `Service report, work order #${report.number}`,
    header: `${report.clientName} · service report · work order #${report.number}`,
  });
  pdf.title(
    `Service report: ${report.title}`,
    `Work order #${report.number} · ${report.siteName} · ${report.clientName}`,
  );
  await writeSiteWork(pdf, work, report.zone, readPhoto);
  return pdfBytes(pdf.doc);
}
