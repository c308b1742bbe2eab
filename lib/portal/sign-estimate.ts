import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import type { TRequestMeta } from "@/lib/auth/sign-in-links";
import { assertLinkCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { AppError, invalidInput } from "@/lib/errors";
import { lockEstimateWorkOrder } from "@/lib/estimates/lock-estimate-work-order";
import { drawnSignatureProblem, isSafeSignatureSvg } from "@/lib/people/signature-svg";
import { recordEvent } from "@/lib/timeline/record-event";
import { readCustomerEstimate } from "./get-portal-estimate";
import type { TSignEstimateInput } from "./schemas";

const fieldProblem = (field: string, message: string) =>
  invalidInput("Please correct the highlighted fields.", { [field]: [message] });

// The customer signs the estimate as the page showed it. The signature is bound to that
// exact content: the page sends the fingerprint of what it showed, and if anything changed
// since (a price, a line, a decision in another tab) the signature is refused and the page
// shows the new lines. Every line not yet signed needs a decision first; the terms come
// before the signature. A drawn signature must be real strokes; a typed one is the
// signer's name, recorded as typed.
export async function signEstimate(actor: TLinkActor, input: TSignEstimateInput, meta: TRequestMeta) {
  assertLinkCan(actor, "estimate.sign");
  const typed = input.signatureTyped !== "";
  if (typed) {
    if (input.signatureTyped.toLocaleLowerCase() !== input.signerName.toLocaleLowerCase())
      throw fieldProblem("signature", "Type the same full name as above to sign by typing");
  } else {
    if (!input.signature) throw fieldProblem("signature", "Sign in the box, or tick “I sign by typing my name”");
    if (!isSafeSignatureSvg(input.signature)) throw fieldProblem("signature", "Draw your signature again");
    const problem = drawnSignatureProblem(input.signature);
    if (problem) throw fieldProblem("signature", problem);
  }
  return db.$transaction(async (tx) => {
    await lockEstimateWorkOrder(tx, actor, actor.workOrderId);
    const estimate = await readCustomerEstimate(tx, actor);
    if (estimate.hash !== input.shownHash)
      throw new AppError(
        "CONFLICT",
        "The estimate changed since you opened it, so nothing was signed. Read the lines again below, then sign.",
      );
    const open = estimate.lines.filter((line) => !estimate.covered.has(line.id));
    if (estimate.lines.length === 0 || open.length === 0)
      throw new AppError("CONFLICT", "This estimate is signed already; there is nothing new to sign.");
    if (open.some((line) => line.decision === "PENDING"))
      throw fieldProblem("signature", "Approve or reject every line before you sign");
    if (estimate.content.terms && !input.readTerms) throw fieldProblem("readTerms", "Confirm you have read the terms");
    const signature = await tx.estimateSignature.create({
      data: {
        organisationId: actor.organisationId,
        workOrderId: actor.workOrderId,
        tokenId: actor.tokenId,
        signerName: input.signerName,
        method: typed ? "TYPED" : "DRAWN",
        imageSvg: typed ? null : input.signature,
        content: estimate.content,
        contentHash: estimate.hash,
        ip: meta.ip,
        userAgent: meta.userAgent,
      },
    });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: actor.workOrderId,
      actor: { userId: null, label: actor.email },
      type: "estimate.signed",
      data: { signerName: input.signerName, method: signature.method, contentHash: estimate.hash },
    });
    return { signatureId: signature.id, contentHash: estimate.hash };
  });
}
