import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { assertLinkCan, linkCan } from "@/lib/authz/permissions";
import { workOrderScope } from "@/lib/authz/scopes";
import { db, type TTx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { customerUnitPrice } from "@/lib/estimates/customer-prices";
import { listLineComments } from "@/lib/estimates/line-comments";
import { priceLine } from "@/lib/money/price-line";
import { sumLines } from "@/lib/money/sum-lines";
import { contentHash, estimateContent, type TEstimateContent } from "./estimate-content";

// The estimate as a customer's link shows it, and the exact content a signature binds to.
// Read in a transaction when a decision or a signature is checked against it.
export async function readCustomerEstimate(client: TTx | typeof db, actor: TLinkActor) {
  const workOrder = await client.workOrder.findFirst({
    where: workOrderScope(actor),
    select: {
      id: true,
      number: true,
      title: true,
      description: true,
      site: { select: { name: true, city: true, timezone: true } },
      organisation: {
        select: {
          name: true,
          timezone: true,
          currency: true,
          customerMarkupPercent: true,
          estimateTerms: true,
          requireCustomerApproval: true,
        },
      },
    },
  });
  if (!workOrder) throw notFound("Work order");
  const { currency, customerMarkupPercent: markup } = workOrder.organisation;
  // The manager-approved lines, current versions: what the customer decides on.
  const [lines, signature] = await Promise.all([
    client.estimateLine.findMany({
      where: {
        workOrderId: workOrder.id,
        organisationId: actor.organisationId,
        approvedAt: { not: null },
        supersededAt: null,
      },
      orderBy: { position: "asc" },
      select: {
        id: true,
        lineKey: true,
        version: true,
        description: true,
        quantity: true,
        unitCode: true,
        unitPrice: true,
        taxPercent: true,
        decision: true,
        comment: true,
        decidedAt: true,
      },
    }),
    client.estimateSignature.findFirst({
      where: { workOrderId: workOrder.id, organisationId: actor.organisationId },
      orderBy: [{ signedAt: "desc" }, { id: "desc" }],
      select: { id: true, signerName: true, method: true, signedAt: true, contentHash: true, content: true },
    }),
  ]);
  const customerLines = lines.map(({ unitPrice, ...line }) => ({
    ...line,
    unitPrice: customerUnitPrice(unitPrice, markup, currency),
  }));
  const content = estimateContent({
    workOrder: { id: workOrder.id, number: workOrder.number, title: workOrder.title },
    currency,
    terms: workOrder.organisation.estimateTerms,
    lines: customerLines,
  });
  const signed = signature ? (signature.content as TEstimateContent) : null;
  const covered = new Map(signed?.lines.map((line) => [line.id, line]) ?? []);
  return { workOrder, lines: customerLines, content, hash: contentHash(content), signature, signed, covered };
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
  const { workOrder, content, signature, signed, covered } = estimate;
  const currency = workOrder.organisation.currency;
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
      prices: { unitPrice: shown.unitPrice, taxPercent: shown.taxPercent, ...priceLine(line, currency) },
    };
  });
  const approved = withPrices
    ? sumLines(
        estimate.lines.filter((line) => line.decision === "APPROVED"),
        currency,
      )
    : null;
  const open = lines.filter((line) => !line.signed);
  return {
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
    terms: withPrices ? workOrder.organisation.estimateTerms : null,
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
export type TPortalEstimate = Awaited<ReturnType<typeof getPortalEstimate>>;
