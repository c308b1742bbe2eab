import "server-only";
import type { CommentAuthor } from "@/generated/prisma/client";
import type { TDeskActor, TLinkActor, TStaffActor } from "@/lib/auth/actor";
import { estimateLineScope, lineCommentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import type { TDeleteLineCommentInput, TPostLineCommentInput } from "./schemas";

export type TLineComment = Awaited<ReturnType<typeof listLineComments>>[number];

// The comments on a work order's estimate lines, oldest first, each under its line (every
// version of a line shares its comments, by lineKey). A deleted comment stays listed as
// deleted, with who and when, and without its words.
export async function listLineComments(actor: TStaffActor | TDeskActor | TLinkActor, workOrderId: string) {
  const comments = await db.estimateLineComment.findMany({
    where: { AND: [lineCommentScope(actor), { workOrderId }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      author: true,
      authorName: true,
      body: true,
      createdAt: true,
      deletedAt: true,
      deletedByName: true,
      estimateLineId: true,
    },
  });
  if (comments.length === 0) return [];
  // Read flat, then each line's key: the portal page reads these on every opening.
  const lines = await db.estimateLine.findMany({
    where: { id: { in: [...new Set(comments.map((comment) => comment.estimateLineId))] } },
    select: { id: true, lineKey: true },
  });
  const keyOf = new Map(lines.map((line) => [line.id, line.lineKey]));
  return comments.map(({ estimateLineId, body, ...comment }) => ({
    ...comment,
    lineKey: keyOf.get(estimateLineId) ?? estimateLineId,
    body: comment.deletedAt ? null : body,
  }));
}

// A comment on one line: by the customer through their link, or a reply by staff or the
// contractor's office. The line must be one the writer can see on this work order; a
// reply emails the customers who commented on the line (without a working link: the
// reply is read through the link they hold).
export async function postLineComment(actor: TStaffActor | TDeskActor | TLinkActor, input: TPostLineCommentInput) {
  const lineWhere =
    actor.kind === "link"
      ? { organisationId: actor.organisationId, workOrderId: actor.workOrderId, approvedAt: { not: null } }
      : estimateLineScope(actor);
  const line = await db.estimateLine.findFirst({
    where: { AND: [lineWhere, { id: input.lineId, supersededAt: null }] },
    select: {
      id: true,
      lineKey: true,
      description: true,
      organisationId: true,
      workOrderId: true,
      workOrder: { select: { number: true, title: true, organisation: { select: { name: true } } } },
    },
  });
  if (!line) throw notFound("Estimate line");
  const author: CommentAuthor = actor.kind === "link" ? "CUSTOMER" : actor.kind === "staff" ? "STAFF" : "CONTRACTOR";
  const authorName =
    actor.kind === "link"
      ? actor.email
      : actor.kind === "staff"
        ? `${actor.name}, ${actor.organisationName}`
        : `${actor.name}, ${actor.companies[0]?.companyName ?? "contractor"}`;
  return db.$transaction(async (tx) => {
    const comment = await tx.estimateLineComment.create({
      data: {
        organisationId: line.organisationId,
        workOrderId: line.workOrderId,
        estimateLineId: line.id,
        author,
        authorName,
        userId: actor.kind === "link" ? null : actor.userId,
        tokenId: actor.kind === "link" ? actor.tokenId : null,
        body: input.body,
      },
    });
    await recordEvent(tx, {
      organisationId: line.organisationId,
      workOrderId: line.workOrderId,
      actor: { userId: actor.kind === "link" ? null : actor.userId, label: authorName },
      type: "estimate.comment_posted",
      data: { description: line.description, excerpt: input.body.slice(0, 140) },
    });
    if (author !== "CUSTOMER") {
      const customers = await tx.estimateLineComment.findMany({
        where: { workOrderId: line.workOrderId, author: "CUSTOMER", estimateLine: { lineKey: line.lineKey } },
        select: { authorName: true },
        distinct: ["authorName"],
      });
      for (const customer of customers)
        await enqueueEmail(tx, {
          to: customer.authorName,
          organisationId: line.organisationId,
          template: "estimate-comment-reply",
          data: {
            clientName: line.workOrder.organisation.name,
            title: `#${line.workOrder.number} ${line.workOrder.title}`,
            line: line.description,
            author: authorName,
            excerpt: input.body.slice(0, 500),
          },
        });
    }
    return comment;
  });
}

// Only a manager deletes a comment; it stays in the record as deleted, with who and when.
// Deleting one deleted already changes nothing.
export async function deleteLineComment(actor: TStaffActor, input: TDeleteLineCommentInput) {
  const { count } = await db.estimateLineComment.updateMany({
    where: { ...lineCommentScope(actor), id: input.commentId, deletedAt: null },
    data: { deletedAt: new Date(), deletedById: actor.userId, deletedByName: actor.name },
  });
  if (count === 0) {
    const exists = await db.estimateLineComment.count({ where: { ...lineCommentScope(actor), id: input.commentId } });
    if (!exists) throw notFound("Comment");
    throw new AppError("CONFLICT", "This comment was deleted already.");
  }
  return { deleted: true };
}
