import "server-only";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { notFound } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { priceLine } from "@/lib/money/price-line";
import { sumLines } from "@/lib/money/sum-lines";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { pricedLinesTable } from "@/lib/pdf/priced-lines-table";
import { formatCalendarDay, formatMoment } from "@/lib/time/zones";
import { bidderName } from "./bidder-name";
import type { getBidderQuote } from "./get-bidder-quote";

type TView = Awaited<ReturnType<typeof getBidderQuote>>;

// One quote exactly as its bidder submitted it (a revision), for the bidder to keep: the
// client, the work, the lines, the tax per rate and the totals (lib/money).
export async function renderQuotePdf(view: TView, revisionNumber: number): Promise<Buffer> {
  const revision = view.submitted.find((r) => r.number === revisionNumber);
  if (!revision) throw notFound("Quote");
  const { request, invitation } = view;
  const site = request.workOrder.site;
  const zone = site.timezone ?? request.organisation.timezone;
  const money = (value: { toString(): string }) => formatMoney(value.toString(), revision.currency);
  const from = bidderName({ ...invitation, email: "" });
  const pdf = new PdfWriter({
    title: `Quote for ${request.organisation.name}: ${request.workOrder.title}`,
    header: `${from} · quote, revision ${revision.number}`,
    author: from,
  });
  pdf.title(
    `Quote: ${request.workOrder.title}`,
    `Revision ${revision.number}, submitted ${formatMoment(revision.submittedAt!, zone, null)}`,
  );
  pdf.fields([
    ["From", from],
    ["To", request.organisation.name],
    ["Site", `${site.name}, ${[site.addressLine1, site.city, site.postcode].filter(Boolean).join(", ")}`],
    ["Proposed date", formatCalendarDay(revision.proposedDate)],
    ["Valid until", formatCalendarDay(revision.validUntil)],
    ["Submitted by", revision.submittedBy],
    ["Currency", revision.currency],
  ]);
  pricedLinesTable(
    pdf,
    revision.lines.map((line, i) => ({
      number: String(i + 1),
      description: line.description,
      quantity: quantityWithUnit(line.quantity, line.unitCode),
      unitPrice: money(line.unitPrice),
      taxPercent: line.taxPercent.toString(),
      net: money(priceLine(line, revision.currency).net),
    })),
    sumLines(revision.lines, revision.currency),
    money,
  );
  if (revision.comments) pdf.paragraph(revision.comments);
  return pdfBytes(pdf.doc);
}
