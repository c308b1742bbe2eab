import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/money/format-money";
import { sumLines } from "@/lib/money/sum-lines";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { formatMoment } from "@/lib/time/zones";
import { readCustomerEstimate } from "./get-portal-estimate";

const DECISIONS = { PENDING: "Awaiting decision", APPROVED: "Approved", REJECTED: "Rejected" } as const;

// The estimate as the customer decides it, at customer prices: the lines with each
// decision, the approved totals and the terms; then a signature block while lines await
// a decision, and the customer's signature (the image or the typed name, the name, the
// time and the SHA-256 of what was signed) once given.
export async function renderEstimatePdf(actor: TLinkActor): Promise<Buffer> {
  const estimate = await readCustomerEstimate(db, actor);
  const { workOrder, content, covered } = estimate;
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: { legalName: true, address: true, taxNumber: true },
  });
  const zone = workOrder.site.timezone ?? workOrder.organisation.timezone;
  const currency = estimate.heading.customerTerms.currency;
  const money = (value: string) => formatMoney(value, currency);
  const signature = estimate.signature
    ? await db.estimateSignature.findUniqueOrThrow({ where: { id: estimate.signature.id } })
    : null;
  const from = organisation.legalName ?? workOrder.organisation.name;
  const pdf = new PdfWriter({
    title: `Estimate: #${workOrder.number} ${workOrder.title}`,
    header: `${from} · estimate for work order #${workOrder.number}`,
    author: from,
  });
  pdf.title(`Estimate: ${workOrder.title}`, `Work order #${workOrder.number}`);
  pdf.fields([
    [
      "From",
      [from, organisation.address, organisation.taxNumber ? `Tax number ${organisation.taxNumber}` : null]
        .filter(Boolean)
        .join(", "),
    ],
    ["Site", `${workOrder.site.name}, ${workOrder.site.city}`],
    ["Currency", currency],
  ]);
  const approved = sumLines(
    estimate.lines.filter((line) => line.decision === "APPROVED"),
    currency,
  );
  pdf.table(
    [
      { label: "#", width: 0.05 },
      { label: "Description", width: 0.33 },
      { label: "Quantity", width: 0.12, align: "right" },
      { label: "Unit price", width: 0.13, align: "right" },
      { label: "Tax", width: 0.08, align: "right" },
      { label: "Total", width: 0.13, align: "right" },
      { label: "Decision", width: 0.16 },
    ],
    content.lines.map((line, i) => [
      String(i + 1),
      line.description,
      quantityWithUnit(Number(line.quantity), line.unitCode),
      money(line.unitPrice),
      `${Number(line.taxPercent)} %`,
      money(line.gross),
      DECISIONS[line.decision],
    ]),
    {
      footer: [
        ["", "Approved, before tax", "", "", "", money(content.approvedTotals.net), ""],
        ...approved.taxByRate.map((rate) => [
          "",
          `Tax at ${rate.taxPercent} %`,
          "",
          "",
          "",
          money(rate.tax.toString()),
          "",
        ]),
        ["", "Approved total", "", "", "", money(content.approvedTotals.gross), ""],
      ],
    },
  );
  if (content.terms) {
    pdf.heading("Terms");
    pdf.paragraph(content.terms);
  }
  pdf.heading("Signature");
  if (signature) {
    const caption = `Signed by ${signature.signerName}${signature.method === "TYPED" ? " (typed name)" : ""} on ${formatMoment(signature.signedAt, zone, null)}`;
    if (signature.method === "DRAWN" && signature.imageSvg) pdf.signature(signature.imageSvg, caption);
    else pdf.typedSignature(signature.signerName, caption);
    pdf.muted(`SHA-256 of the estimate as signed: ${signature.contentHash}`);
    if (signature.contentHash !== estimate.hash)
      pdf.muted("This signature covers an earlier version of the estimate; lines changed since await a new decision.");
  }
  const awaiting = estimate.lines.filter((line) => !covered.has(line.id));
  if (awaiting.length > 0)
    pdf.signatureBlock(
      `${awaiting.length} ${awaiting.length === 1 ? "line awaits" : "lines await"} a decision. Approve or reject each, then sign: the signature authorizes the approved lines.`,
    );
  return pdfBytes(pdf.doc);
}
