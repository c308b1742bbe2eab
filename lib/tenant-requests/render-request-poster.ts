import "server-only";
import QRCode from "qrcode";
import type { TStaffActor } from "@/lib/auth/actor";
import { siteScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";

export const requestFormUrl = (formKey: string) => `${env.APP_URL.replace(/\/$/, "")}/request/${formKey}`;

// A poster for a building's notice board: its request form's address as a QR code, large
// enough to scan from a step away, and written out for those who type it.
export async function renderRequestPoster(actor: TStaffActor, siteId: string): Promise<Uint8Array> {
  const site = await db.site.findFirst({
    where: { ...siteScope(actor), id: siteId },
    select: {
      name: true,
      addressLine1: true,
      city: true,
      tenantFormKey: true,
      organisation: { select: { name: true, emergencyPhone: true } },
    },
  });
  if (!site) throw notFound("Site");
  const url = requestFormUrl(site.tenantFormKey);
  const qr = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 900 });
  const pdf = new PdfWriter({ title: `Report a repair: ${site.name}`, header: site.organisation.name });
  pdf.title("Something need fixing?", `${site.name}, ${site.addressLine1}, ${site.city}`);
  pdf.paragraph(
    "Scan the code with your phone's camera to report a repair. You get an email with a link to follow it.",
    {
      size: 14,
    },
  );
  const size = 300;
  const x = (pdf.doc.page.width - size) / 2;
  pdf.doc.image(qr, x, pdf.doc.y + 10, { width: size, height: size });
  pdf.doc.y += size + 30;
  pdf.paragraph(`Or open ${url}`, { size: 11 });
  if (site.organisation.emergencyPhone)
    pdf.paragraph(`Emergency (a flood, a gas smell, no heating in winter)? Call ${site.organisation.emergencyPhone}.`, {
      size: 14,
    });
  return pdfBytes(pdf.doc);
}
