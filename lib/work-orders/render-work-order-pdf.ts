import "server-only";
import type { Site } from "@/generated/prisma/client";
import { formatMoney } from "@/lib/money/format-money";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { formatCalendarDay, formatVisit } from "@/lib/time/zones";

export type TWorkOrderSheet = {
  clientName: string;
  contractorName: string | null;
  number: number;
  title: string;
  description: string | null;
  priority: string;
  dueAt: Date | null;
  purchaseOrder: string | null;
  notToExceed: string | null;
  currency: string;
  site: Pick<
    Site,
    "name" | "addressLine1" | "addressLine2" | "city" | "postcode" | "accessDetails" | "contactName" | "contactPhone"
  >;
  asset: { name: string; serialNumber: string | null } | null;
  visitAt: Date | null;
  zone: string;
  technicians: string[];
  serviceTasks: {
    title: string;
    kind: string;
    unit: string | null;
    minValue: number | null;
    maxValue: number | null;
    photoRequired: boolean;
  }[];
};

// The printable work order a contractor takes to site: where, how to get in, what to do
// (the scope and the service tasks), and the commercial limits (PO, not-to-exceed).
export async function renderWorkOrderPdf(sheet: TWorkOrderSheet): Promise<Buffer> {
  const pdf = new PdfWriter({
    title: `Work order #${sheet.number}`,
    header: `${sheet.clientName} · work order #${sheet.number}`,
    author: sheet.clientName,
  });
  pdf.title(`Work order #${sheet.number}: ${sheet.title}`, sheet.clientName);
  const site = sheet.site;
  pdf.fields([
    ["Contractor", sheet.contractorName],
    [
      "Site",
      [site.name, site.addressLine1, site.addressLine2, `${site.city} ${site.postcode}`].filter(Boolean).join("\n"),
    ],
    ["Access", site.accessDetails],
    ["Site contact", [site.contactName, site.contactPhone].filter(Boolean).join(", ")],
    [
      "Asset",
      sheet.asset
        ? `${sheet.asset.name}${sheet.asset.serialNumber ? ` (serial ${sheet.asset.serialNumber})` : ""}`
        : null,
    ],
    ["Priority", sheet.priority.toLowerCase()],
    ["Due", formatCalendarDay(sheet.dueAt)],
    ["Visit", sheet.visitAt ? formatVisit(sheet.visitAt, sheet.zone) : "Not scheduled yet"],
    ["Technicians", sheet.technicians.join(", ")],
    ["Purchase order", sheet.purchaseOrder],
    [
      "Not to exceed",
      sheet.notToExceed === null ? null : `${formatMoney(sheet.notToExceed, sheet.currency)} before tax`,
    ],
  ]);
  pdf.heading("Scope of work");
  pdf.paragraph(sheet.description || "No description given.");
  pdf.heading("Service tasks to do");
  if (sheet.serviceTasks.length === 0) pdf.muted("No procedure on this work order.");
  else
    pdf.table(
      [
        { label: "#", width: 0.06 },
        { label: "Task", width: 0.5 },
        { label: "Kind", width: 0.14 },
        { label: "Expected", width: 0.3 },
      ],
      sheet.serviceTasks.map((task, index) => [
        String(index + 1),
        task.title + (task.photoRequired ? " (photo required)" : ""),
        task.kind.toLowerCase(),
        task.kind === "READING" ? range(task) : task.kind === "CHECK" ? "pass or fail" : "a written answer",
      ]),
    );
  return pdfBytes(pdf.doc);
}

export function range(task: { unit: string | null; minValue: number | null; maxValue: number | null }): string {
  const unit = task.unit ? ` ${task.unit}` : "";
  if (task.minValue !== null && task.maxValue !== null) return `${task.minValue} to ${task.maxValue}${unit}`;
  if (task.minValue !== null) return `at least ${task.minValue}${unit}`;
  if (task.maxValue !== null) return `at most ${task.maxValue}${unit}`;
  return task.unit ? `a reading in ${task.unit}` : "a reading";
}
