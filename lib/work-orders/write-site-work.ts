import "server-only";
import type { PdfWriter } from "@/lib/pdf/pdf-writer";
import { framedSignatureSvg } from "@/lib/people/signature-svg";
import { formatInZone, formatMoment } from "@/lib/time/zones";
import type { TReadPhoto, TSiteWork } from "./render-service-report-pdf";
import { range } from "./render-work-order-pdf";

const RESULT_WORDS = { PASS: "Pass", FAIL: "Fail", NOT_APPLICABLE: "Not applicable" } as const;
const SIGNER_WORDS = { TECHNICIAN: "Technician", ON_SITE_CLIENT: "Client on site", CUSTOMER: "Customer" } as const;
const EMBEDDABLE = ["image/jpeg", "image/png"];

// The work on site as the service report and the evidence pack print it: results with
// readings against their ranges, check-ins with times and places, defects with their
// photos, notes and signatures. Photos are read and written one at a time.
export async function writeSiteWork(pdf: PdfWriter, work: TSiteWork, zone: string, readPhoto: TReadPhoto) {
  const when = (at: Date) => formatMoment(at, zone);
  pdf.heading("Results");
  if (work.serviceTasks.length === 0) pdf.muted("No procedure on this work order.");
  else
    pdf.table(
      [
        { label: "Task", width: 0.4 },
        { label: "Result", width: 0.2 },
        { label: "Expected", width: 0.22 },
        { label: "Done", width: 0.18 },
      ],
      work.serviceTasks.map((task) => {
        const reading = task.reading !== null ? `${task.reading}${task.unit ? ` ${task.unit}` : ""}` : null;
        const outOfRange =
          task.reading !== null &&
          ((task.minValue !== null && task.reading < task.minValue) ||
            (task.maxValue !== null && task.reading > task.maxValue));
        const result = [task.result ? RESULT_WORDS[task.result] : null, reading, task.answer]
          .filter(Boolean)
          .join(" · ");
        return [
          task.title,
          (result || "not recorded") + (outOfRange ? " (out of range)" : ""),
          task.kind === "READING" ? range(task) : task.kind === "CHECK" ? "pass" : "",
          task.completedAt ? when(task.completedAt) : "",
        ];
      }),
    );
  for (const task of work.serviceTasks)
    for (const photo of task.photos) await writePhoto(pdf, readPhoto, photo, `${task.title}: ${photo.filename}`);

  for (const visit of work.visits) {
    pdf.heading("Visit");
    pdf.fields([
      ["Date of the work", visit.workedAt ? formatInZone(visit.workedAt, zone, "EEE d MMM yyyy") : "not recorded"],
    ]);
    pdf.heading("Check-ins");
    if (visit.checkIns.length === 0) pdf.muted("No check-in recorded.");
    for (const checkIn of visit.checkIns)
      pdf.paragraph(
        `${when(checkIn.deviceAt)}` +
          (checkIn.latitude !== null && checkIn.longitude !== null
            ? ` at ${checkIn.latitude.toFixed(5)}, ${checkIn.longitude.toFixed(5)}${checkIn.accuracyM !== null ? ` (±${Math.round(checkIn.accuracyM)} m)` : ""}`
            : " (no location)"),
      );
    pdf.heading("Defects");
    if (visit.defects.length === 0) pdf.muted("No defect reported.");
    for (const defect of visit.defects) {
      pdf.paragraph(`${defect.severity.toLowerCase()} · ${when(defect.createdAt)}: ${defect.description}`);
      for (const photo of defect.photos) await writePhoto(pdf, readPhoto, photo, `Defect: ${photo.filename}`);
    }
    if (visit.performedNotes) {
      pdf.heading("Notes");
      pdf.paragraph(visit.performedNotes);
    }
    pdf.heading("Signatures");
    if (visit.signatures.length === 0) pdf.muted("Not signed.");
    for (const signature of visit.signatures) {
      const caption = `${SIGNER_WORDS[signature.signerRole]}: ${signature.signerName}, ${when(signature.signedAt)}`;
      if (signature.method === "TYPED" || !signature.imageSvg)
        pdf.typedSignature(signature.signerName, `${caption} (signed by typing their name)`);
      else pdf.signature(framedSignatureSvg(signature.imageSvg), caption);
    }
  }
}

async function writePhoto(
  pdf: PdfWriter,
  readPhoto: TReadPhoto,
  photo: { id: string; filename: string },
  caption: string,
) {
  const file = await readPhoto(photo.id);
  if (!file) return pdf.muted(`${caption} (not available to you)`);
  if (!EMBEDDABLE.includes(file.contentType)) return pdf.muted(`${caption} (${file.contentType}: see the file list)`);
  pdf.image(file.bytes, caption);
}
