import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { assertLinkCan, linkCan } from "@/lib/authz/permissions";
import type { ApprovalDecision } from "@/generated/prisma/client";
import { db, type TTx } from "@/lib/db";
import { customerUnitPrice } from "@/lib/estimates/customer-prices";
import { toDecimal } from "@/lib/money/decimal";
import { listLineComments } from "@/lib/estimates/line-comments";
import { contentHash, estimateContent, type TEstimateContent } from "./estimate-content";
import { getPortalWorkOrder } from "./get-portal-work-order";

type TLineRow = {
  id: string;
  lineKey: string;
  version: number;
  description: string;
  quantity: string;
  unitCode: string;
  unitPrice: string;
  taxPercent: string;
  decision: ApprovalDecision;
  comment: string | null;
  decidedAt: Date | null;
};

// The estimate as a customer's link shows it, and the exact content a signature binds to.
// Read in a transaction when a decision or a signature is checked against it.
export async function readCustomerEstimate(client: TTx | typeof db, actor: TLinkActor) {
  // The heading (the work order and the organisation's terms), its manager-approved
  // current lines (what the customer decides on) and the latest signature, side by side.
  const [heading, lines, signature] = await Promise.all([
    getPortalWorkOrder(actor, client),
    client.$queryRaw<TLineRow[]>`
      SELECT id, "lineKey", version, description, quantity::text AS quantity, "unitCode",
             "unitPrice"::text AS "unitPrice", "taxPercent"::text AS "taxPercent", decision::text AS decision,
             comment, "decidedAt"
      FROM "EstimateLine"
      WHERE "workOrderId" = ${actor.workOrderId} AND "organisationId" = ${actor.organisationId}
        AND "approvedAt" IS NOT NULL AND "supersededAt" IS NULL
      ORDER BY position`,
    client.estimateSignature.findFirst({
      where: { workOrderId: actor.workOrderId, organisationId: actor.organisationId },
      orderBy: [{ signedAt: "desc" }, { id: "desc" }],
      select: { id: true, signerName: true, method: true, signedAt: true, contentHash: true, content: true },
    }),
  ]);
  const { workOrder, customerTerms } = heading;
  const { currency, customerMarkupPercent: markup } = customerTerms;
  const customerLines = lines.map(({ unitPrice, ...line }) => ({
    ...line,
    // "2", not the column's "2.000".
    quantity: toDecimal(line.quantity).toString(),
    unitPrice: customerUnitPrice(unitPrice, markup, currency),
  }));
  const content = estimateContent({
    workOrder: { id: workOrder.id, number: workOrder.number, title: workOrder.title },
    currency,
    terms: customerTerms.estimateTerms,
    lines: customerLines,
  });
  const signed = signature ? (signature.content as TEstimateContent) : null;
  const covered = new Map(signed?.lines.map((line) => [line.id, line]) ?? []);
  return {
    heading,
    workOrder,
    lines: customerLines,
    content,
    hash: contentHash(content),
    signature,
    signed,
    covered,
  };
}

// What the page shows. The work authorization view carries no price at all: the prices
// are left out here, not hidden in the page.
export async function getPortalEstimate(actor: TLinkActor) {
  assertLinkCan(actor, "estimate.read");
  const withPrices = linkCan(actor, "estimate.prices");
  const [estimate, comments] = await Promise.all([
    readCustomerEstimate(db, actor),
    listLineComments(actor, actor.workOrderId),
  ]);
  const { workOrder, content, signature, signed, covered, heading } = estimate;
  const currency = heading.customerTerms.currency;
  // The versions a signature covered that have since been replaced: what changed.
  const replaced = signed
    ? await db.estimateLine.findMany({
        where: { id: { in: signed.lines.map((line) => line.id) }, supersededAt: { not: null } },
        select: { id: true, lineKey: true },
      })
    : [];
  const lines = estimate.lines.map((line, index) => {
    const earlier = replaced.find((old) => old.lineKey === line.lineKey);
    const earlierShown = earlier ? covered.get(earlier.id) : undefined;
    const common = {
      id: line.id,
      lineKey: line.lineKey,
      description: line.description,
      quantity: line.quantity.toString(),
      unitCode: line.unitCode,
      decision: line.decision,
      comment: line.comment,
      decidedAt: line.decidedAt,
      // Signed as shown: no further decision on this version.
      signed: covered.has(line.id),
      changedSinceSigning: earlierShown
        ? {
            description: earlierShown.description,
            quantity: earlierShown.quantity,
            ...(withPrices
              ? { unitPrice: earlierShown.unitPrice, decision: earlierShown.decision }
              : { decision: earlierShown.decision }),
          }
        : null,
    };
    if (!withPrices) return { ...common, prices: null };
    const shown = content.lines[index];
    return {
      ...common,
      prices: {
        unitPrice: shown.unitPrice,
        taxPercent: shown.taxPercent,
        net: shown.net,
        tax: shown.tax,
        gross: shown.gross,
      },
    };
  });
  const approved = withPrices ? content.approvedTotals : null;
  const open = lines.filter((line) => !line.signed);
  return {
    // The page's heading, read once with the estimate.
    heading: { workOrder: heading.workOrder, assignment: heading.assignment, contact: heading.contact },
    view: actor.view,
    organisation: { name: workOrder.organisation.name, timezone: workOrder.organisation.timezone },
    workOrder: {
      number: workOrder.number,
      title: workOrder.title,
      description: workOrder.description,
      site: workOrder.site,
    },
    currency: withPrices ? currency : null,
    lines,
    approved,
    comments,
    terms: withPrices ? heading.customerTerms.estimateTerms : null,
    // The sign step: in the estimate view, once every line not yet signed has a decision.
    signing: withPrices
      ? {
          hash: estimate.hash,
          ready: open.length > 0 && open.every((line) => line.decision !== "PENDING"),
          needed: open.length > 0,
        }
      : null,
    signature: signature
      ? {
          signerName: signature.signerName,
          method: signature.method,
          signedAt: signature.signedAt,
          contentHash: signature.contentHash,
          current: signature.contentHash === estimate.hash,
        }
      : null,
  };
}
export type TPortalEstimate = Omit<Awaited<ReturnType<typeof getPortalEstimate>>, "heading">;
