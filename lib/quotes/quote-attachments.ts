import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { withStoredUpload } from "@/lib/attachments/store-upload";
import { assertStaffCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { quotePhase } from "./quote-phase";
import { publishRequestChange } from "./revise-quote-request";
import type { TBidder } from "./resolve-quote-link";

// A document for every bidder of a request (drawings, a specification), kept with the
// request only: it is not one of the work order's documents until work is given.
export async function attachForBidders(
  actor: TStaffActor,
  input: { quoteRequestId: string; file: File },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.send");
  const found = await db.quoteRequest.findFirst({
    where: { id: input.quoteRequestId, organisationId: actor.organisationId },
    select: { id: true, status: true, deadline: true },
  });
  if (!found) throw notFound("Request for quote");
  const refuse = (phase: string) => {
    if (phase !== "open" && phase !== "draft")
      throw new AppError("CONFLICT", "Documents can be added only while the request is open for answers.");
  };
  refuse(quotePhase(found, now));
  return withStoredUpload(input.file, actor.organisationId, null, (upload) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "QuoteRequest" WHERE id = ${found.id} FOR UPDATE`;
      const request = await tx.quoteRequest.findUniqueOrThrow({
        where: { id: found.id },
        include: {
          workOrder: { select: { title: true } },
          invitations: { where: { status: { not: "DECLINED" } }, select: { id: true, email: true } },
          attachments: {
            where: { kind: "CLIENT_DOCUMENT" },
            select: { filename: true },
            orderBy: { createdAt: "asc" },
          },
        },
      });
      refuse(quotePhase(request, now));
      const attachment = await tx.attachment.create({
        data: {
          ...upload,
          organisationId: actor.organisationId,
          quoteRequestId: request.id,
          kind: "CLIENT_DOCUMENT",
          uploadedById: actor.userId,
        },
      });
      await recordEvent(tx, {
        organisationId: actor.organisationId,
        workOrderId: request.workOrderId,
        actor: { userId: actor.userId, label: actor.name },
        type: "attachment.uploaded",
        data: { filename: attachment.filename, kind: "CLIENT_DOCUMENT", forBidders: true },
      });
      // Once sent, a new document changes the request: bidders are told, as for its text.
      if (request.status === "OPEN") {
        const before = request.attachments.map((a) => a.filename);
        await publishRequestChange(
          tx,
          actor,
          request,
          [
            {
              field: "documents",
              label: "Documents",
              before: before.join(", "),
              after: [...before, attachment.filename].join(", "),
            },
          ],
          now,
        );
      }
      return attachment;
    }),
  );
}

// A file a bidder may read: a document of its request for every bidder, or the quote
// document of one of its own answers. Anything else is not found.
export async function readBidderFile(bidder: TBidder, attachmentId: string) {
  if (!isId(attachmentId)) throw notFound("File");
  const invitation = await db.quoteInvitation.findFirst({
    where: { id: bidder.invitationId, organisationId: bidder.organisationId },
    select: { quoteRequestId: true },
  });
  if (!invitation) throw notFound("File");
  const file = await db.attachment.findFirst({
    where: {
      id: attachmentId,
      OR: [
        { quoteRequestId: invitation.quoteRequestId, kind: "CLIENT_DOCUMENT" },
        { quoteRevision: { invitationId: bidder.invitationId } },
      ],
    },
  });
  if (!file) throw notFound("File");
  return file;
}
