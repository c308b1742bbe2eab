import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";
import { MAX_EMAIL_LENGTH, ZEmailSchema, zEmail } from "@/lib/email-address";
import { PORTAL_VIEWS } from "./views";

export const MAX_PORTAL_RECIPIENTS = 10;

const ZExpiresInHours = z.coerce
  .number("Enter the hours as a whole number")
  .int("Enter the hours as a whole number")
  .min(1, "At least 1 hour")
  .max(24 * 30, "At most 30 days (720 hours)")
  .default(48);

const ZView = z.enum(PORTAL_VIEWS, "Choose what the link shows");

// Recipients come as ticked contacts (`recipients`) and typed addresses (`otherEmails`,
// separated by commas, spaces or lines); together one to ten distinct addresses.
export const ZSendPortalLinkSchema = z
  .object({
    workOrderId: ZIdSchema,
    view: ZView.default("progress"),
    recipients: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    otherEmails: z.string().max(4000).optional().default(""),
    // An older form's single field.
    email: z.string().optional(),
    message: z
      .string()
      .trim()
      .max(2000, "A message is 2,000 characters at most")
      .optional()
      .transform((v) => v || null),
    expiresInHours: ZExpiresInHours,
  })
  .transform((input, context) => {
    const typed = [input.email ?? "", ...input.otherEmails.split(/[\s,;]+/)].filter(Boolean);
    const emails: string[] = [];
    for (const raw of [...input.recipients, ...typed]) {
      const parsed = ZEmailSchema.safeParse(raw);
      if (!parsed.success) {
        const message =
          raw.length > MAX_EMAIL_LENGTH ? parsed.error.issues[0].message : `“${raw}” is not an email address`;
        context.addIssue({ code: "custom", path: ["otherEmails"], message });
        return z.NEVER;
      }
      if (!emails.includes(parsed.data)) emails.push(parsed.data);
    }
    if (emails.length === 0) {
      context.addIssue({ code: "custom", path: ["otherEmails"], message: "Choose or type at least one recipient" });
      return z.NEVER;
    }
    if (emails.length > MAX_PORTAL_RECIPIENTS) {
      context.addIssue({
        code: "custom",
        path: ["otherEmails"],
        message: `Send to ${MAX_PORTAL_RECIPIENTS} people at most at once`,
      });
      return z.NEVER;
    }
    return {
      workOrderId: input.workOrderId,
      view: input.view,
      emails,
      message: input.message,
      expiresInHours: input.expiresInHours,
    };
  });
export type TSendPortalLinkInput = z.output<typeof ZSendPortalLinkSchema>;

// A link made to paste into one's own email: one person, nothing sent.
export const ZCreatePortalLinkSchema = z.object({
  workOrderId: ZIdSchema,
  view: ZView,
  email: zEmail("Enter the address of the person the link is for"),
  expiresInHours: ZExpiresInHours,
});
export type TCreatePortalLinkInput = z.output<typeof ZCreatePortalLinkSchema>;

export const ZPortalLinkIdSchema = z.object({ tokenId: ZIdSchema });

const ZComment = z
  .string()
  .trim()
  .max(2000, "A comment is 2,000 characters at most")
  .optional()
  .transform((v) => v || null);

// A customer's decision on one line: approve, reject (with a comment if they wish) or
// clear the decision.
export const ZDecideLineSchema = z.object({
  lineId: ZIdSchema,
  decision: z.enum(["APPROVED", "REJECTED", "PENDING"], "Choose approve, reject or clear"),
  comment: ZComment,
});
export type TDecideLineInput = z.output<typeof ZDecideLineSchema>;

// The signature: the signer's full name, drawn strokes (SVG) or the typed name, and the
// fingerprint of the estimate the page showed.
export const ZSignEstimateSchema = z.object({
  signerName: z.string().trim().min(2, "Enter your full name").max(120, "A name is 120 characters at most"),
  signature: z.string().max(200_000, "The signature is too large: clear it and sign again").optional().default(""),
  signatureTyped: z.string().trim().max(120).optional().default(""),
  shownHash: z.string().regex(/^[0-9a-f]{64}$/, "Reload the page and sign again"),
  readTerms: z.literal("on", "Confirm you have read the terms").optional(),
});
export type TSignEstimateInput = z.output<typeof ZSignEstimateSchema>;

const ACT = /^(APPROVED|REJECTED|PENDING|COMMENT):([a-z0-9]{20,40})$/;

// The customer's estimate page is one form: each line's buttons post `act` as
// "APPROVED:<line>", "REJECTED:<line>", "PENDING:<line>" (clear) or "COMMENT:<line>", and
// the line's comment box is `comment.<line>` (sent with a decision, or on its own). Errors
// come back under that box's name, beside it.
export const ZLineActSchema = z.looseObject({ act: z.string().max(64) }).transform((form, context) => {
  const match = ACT.exec(form.act);
  if (!match) {
    context.addIssue({ code: "custom", path: ["act"], message: "Choose approve, reject, clear or comment" });
    return z.NEVER;
  }
  const [, act, lineId] = match;
  const field = `comment.${lineId}`;
  const raw = (form as Record<string, unknown>)[field];
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text.length > 2000) {
    context.addIssue({ code: "custom", path: [field], message: "A comment is 2,000 characters at most" });
    return z.NEVER;
  }
  if (act === "COMMENT") {
    if (!text) {
      context.addIssue({ code: "custom", path: [field], message: "Write your comment" });
      return z.NEVER;
    }
    return { kind: "comment" as const, lineId, body: text };
  }
  return {
    kind: "decide" as const,
    lineId,
    decision: act as "APPROVED" | "REJECTED" | "PENDING",
    comment: act === "PENDING" ? null : text || null,
  };
});
