import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor, type TLinkActor } from "@/lib/auth/actor";
import { assignContractor } from "@/lib/assignments/assign-contractor";
import { staffCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { addEstimateLine } from "@/lib/estimates/add-estimate-line";
import { approveEstimate } from "@/lib/estimates/approve-estimate";
import { deleteLineComment, listLineComments, postLineComment } from "@/lib/estimates/line-comments";
import { listEstimateLines } from "@/lib/estimates/list-estimate-lines";
import { reviseEstimateLine } from "@/lib/estimates/revise-estimate-line";
import {
  ZAddEstimateLineSchema,
  ZDecideProposalSchema,
  ZPostLineCommentSchema,
  ZProposeEstimateLineSchema,
  ZReviseEstimateLineSchema,
} from "@/lib/estimates/schemas";
import { createPortalLink, createWorld } from "@/prisma/factories";
import { issueCustomerInvoice } from "@/lib/customer-invoices/issue-customer-invoice";
import { listCustomerInvoices } from "@/lib/customer-invoices/list-customer-invoices";
import { ZIssueCustomerInvoiceSchema } from "@/lib/customer-invoices/schemas";
import { decideEstimateProposal, listEstimateProposals, proposeEstimateLine } from "@/lib/estimates/estimate-proposals";
import { SIGNATURE_SVG } from "@/tests/sample-files";
import { decideEstimateLine } from "./decide-estimate-line";
import { canonicalJson, contentHash } from "./estimate-content";
import { getPortalEstimate, readCustomerEstimate } from "./get-portal-estimate";
import { getPortalProgress } from "./get-portal-progress";
import { openPortalLink, resolvePortalLink } from "./resolve-portal-link";
import { ZSendPortalLinkSchema, ZSignEstimateSchema } from "./schemas";
import { listPortalLinks } from "./list-portal-links";
import { revokePortalLink, sendPortalLink } from "./send-portal-link";
import { signEstimate } from "./sign-estimate";

const meta = { ip: "203.0.113.7", userAgent: "Vitest browser" };
// Prices no other text on a page carries, to look for in what a view returns.
const SENTINEL_PRICE = "7319.47";

type TWorld = Awaited<ReturnType<typeof createWorld>>;

async function setUp(options: { requireCustomerApproval?: boolean; markup?: string } = {}) {
  const world = await createWorld(db);
  await db.organisation.update({
    where: { id: world.organisation.id },
    data: {
      requireCustomerApproval: options.requireCustomerApproval ?? false,
      customerMarkupPercent: options.markup ?? "0",
      estimateTerms: "Payment within 30 days of completion.",
    },
  });
  const staff = (await loadStaffActor(world.admin.id))!;
  await assignContractor(staff, { workOrderId: world.workOrder.id, contractorCompanyId: world.company.id });
  const add = (description: string, quantity: string, unitPrice: string, unitCode = "HUR") =>
    addEstimateLine(
      staff,
      ZAddEstimateLineSchema.parse({
        workOrderId: world.workOrder.id,
        description,
        quantity,
        unitCode,
        unitPrice,
        taxPercent: "20",
      }),
    );
  const labour = await add("Labour", "3", "85");
  const valve = await add("Valve", "1", "42.50", "C62");
  const flue = await add("Flue liner", "1", SENTINEL_PRICE, "C62");
  await approveEstimate(staff, { workOrderId: world.workOrder.id, lineIds: [labour.id, valve.id, flue.id] });
  return { world, staff, lines: { labour, valve, flue } };
}

async function linkFor(world: TWorld, view: TLinkActor["view"] = "estimate") {
  const { secret, tokenId } = await createPortalLink(db, {
    organisationId: world.organisation.id,
    workOrderId: world.workOrder.id,
    view,
  });
  return { secret, tokenId, actor: await resolvePortalLink(secret, meta) };
}

const decide = (actor: TLinkActor, lineId: string, decision: "APPROVED" | "REJECTED" | "PENDING", comment?: string) =>
  decideEstimateLine(actor, { lineId, decision, comment: comment ?? null });

const sign = async (actor: TLinkActor, fields: Partial<Record<string, string>> = {}) => {
  const shown = await getPortalEstimate(actor);
  return signEstimate(
    actor,
    ZSignEstimateSchema.parse({
      signerName: "Carol Customer",
      signature: SIGNATURE_SVG,
      shownHash: shown.signing!.hash,
      readTerms: "on",
      ...fields,
    }),
    meta,
  );
};

const notToExceed = async (world: TWorld) =>
  (await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } })).notToExceed?.toFixed(2);

const scopeEmails = (world: TWorld) =>
  db.emailOutbox.findMany({
    where: { to: world.office.user.email, template: { in: ["estimate-approved", "estimate-scope-changed"] } },
    orderBy: { createdAt: "asc" },
  });

describe("counted lines", () => {
  it("without the customer-approval setting: the manager's approval counts, the customer's decision is recorded and shown", async () => {
    const { world, lines } = await setUp();
    expect(await notToExceed(world)).toBe(`${(255 + 42.5 + 7319.47).toFixed(2)}`);
    const { actor } = await linkFor(world);
    await decide(actor, lines.flue.id, "REJECTED", "Too dear");
    expect(await notToExceed(world)).toBe("7616.97");
    const flue = await db.estimateLine.findUniqueOrThrow({ where: { id: lines.flue.id } });
    expect([flue.decision, flue.comment]).toEqual(["REJECTED", "Too dear"]);
    expect(await scopeEmails(world)).toHaveLength(1); // the manager's approval only
  });

  it("with it: a line counts once the customer approves it too; the not-to-exceed follows and the contractor is emailed once per change", async () => {
    const { world, lines } = await setUp({ requireCustomerApproval: true });
    expect(await notToExceed(world)).toBeUndefined();
    expect(await scopeEmails(world)).toHaveLength(0);
    const { actor } = await linkFor(world);
    await decide(actor, lines.labour.id, "APPROVED");
    await decide(actor, lines.labour.id, "APPROVED"); // a second click
    await decide(actor, lines.valve.id, "APPROVED");
    await decide(actor, lines.flue.id, "REJECTED", "Not now");
    expect(await notToExceed(world)).toBe("297.50");
    const emails = await scopeEmails(world);
    expect(emails.map((email) => email.subject)).toEqual([
      `The approved scope of #${world.workOrder.number} ${world.workOrder.title} changed: not to exceed £255.00`,
      `The approved scope of #${world.workOrder.number} ${world.workOrder.title} changed: not to exceed £297.50`,
    ]);
    expect(emails[1].text).toContain("• Valve: 1 ea × £42.50");
    // Clearing a decision takes the line out again.
    await decide(actor, lines.valve.id, "PENDING");
    expect(await notToExceed(world)).toBe("255.00");
    const staffView = await listEstimateLines((await loadStaffActor(world.admin.id))!, world.workOrder.id);
    expect(staffView.lines.map((line) => [line.description, line.decision, line.counted])).toEqual([
      ["Labour", "APPROVED", true],
      ["Valve", "PENDING", false],
      ["Flue liner", "REJECTED", false],
    ]);
  });
});

describe("a customer's decisions", () => {
  it("approve, reject with a comment, clear and decide again; each is in the access log with the address and browser", async () => {
    const { world, lines } = await setUp();
    const { actor, tokenId } = await linkFor(world);
    await decide(actor, lines.labour.id, "APPROVED");
    await decide(actor, lines.valve.id, "REJECTED", "We have a spare valve");
    await decide(actor, lines.valve.id, "PENDING");
    await decide(actor, lines.valve.id, "APPROVED");
    const valve = await db.estimateLine.findUniqueOrThrow({ where: { id: lines.valve.id } });
    expect([valve.decision, valve.comment, valve.decidedByTokenId]).toEqual(["APPROVED", null, tokenId]);
    // The rejection's comment stays in the line's conversation.
    const comments = await listLineComments(actor, world.workOrder.id);
    expect(comments.map((c) => [c.author, c.body])).toEqual([["CUSTOMER", "We have a spare valve"]]);

    await resolvePortalLink((await linkFor(world)).secret, meta, "PORTAL_DECIDED");
    const log = await db.accessLog.findMany({ where: { tokenId }, orderBy: { createdAt: "asc" } });
    expect(log[0]).toMatchObject({ event: "PORTAL_VIEWED", ip: meta.ip, userAgent: meta.userAgent });
  });

  it("opening a link any number of times changes nothing but the log and the opened marks", async () => {
    const { world, lines } = await setUp();
    const { secret, tokenId } = await linkFor(world);
    const before = await db.estimateLine.findMany({
      where: { workOrderId: world.workOrder.id },
      orderBy: { id: "asc" },
    });
    const first = await db.accessToken.findUniqueOrThrow({ where: { id: tokenId } });
    for (let i = 0; i < 3; i++) await openPortalLink(secret, meta);
    const after = await db.estimateLine.findMany({
      where: { workOrderId: world.workOrder.id },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
    const token = await db.accessToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(token.firstOpenedAt).toEqual(first.firstOpenedAt);
    expect(token.lastOpenedAt!.getTime()).toBeGreaterThanOrEqual(first.lastOpenedAt!.getTime());
    expect([token.usedAt, token.revokedAt, token.expiresAt]).toEqual([first.usedAt, first.revokedAt, first.expiresAt]);
    expect(await db.accessLog.count({ where: { tokenId, event: "PORTAL_VIEWED" } })).toBe(4);
    expect(lines.labour.decision).toBe("PENDING");
  });

  it("refuses a line of another work order or organisation, a decision after expiry or revocation, and a wrong view; nothing changes", async () => {
    const { world, lines, staff } = await setUp();
    const other = await setUp();
    const { actor } = await linkFor(world);
    await expect(decide(actor, other.lines.labour.id, "APPROVED")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another work order of the same organisation.
    const sameOrg = await db.workOrder.create({
      data: { organisationId: world.organisation.id, number: 9001, title: "Other job", siteId: world.site.id },
    });
    const foreign = await addEstimateLine(
      staff,
      ZAddEstimateLineSchema.parse({
        workOrderId: sameOrg.id,
        description: "X",
        quantity: "1",
        unitCode: "C62",
        unitPrice: "1",
        taxPercent: "",
      }),
    );
    await approveEstimate(staff, { workOrderId: sameOrg.id, lineIds: [foreign.id] });
    await expect(decide(actor, foreign.id, "REJECTED")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const progress = await linkFor(world, "progress");
    await expect(decide(progress.actor, lines.labour.id, "APPROVED")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPortalEstimate(progress.actor)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const expired = await linkFor(world);
    await db.accessToken.update({ where: { id: expired.tokenId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resolvePortalLink(expired.secret, meta, "PORTAL_DECIDED")).rejects.toMatchObject({
      code: "LINK_EXPIRED",
    });
    const revoked = await linkFor(world);
    await revokePortalLink(staff, revoked.tokenId);
    await expect(resolvePortalLink(revoked.secret, meta, "PORTAL_DECIDED")).rejects.toMatchObject({
      code: "LINK_EXPIRED",
    });
    const refused = await openPortalLink(revoked.secret, meta);
    expect(refused).toMatchObject({ ok: false, refused: "revoked", organisationName: world.organisation.name });

    const untouched = await db.estimateLine.findMany({
      where: { id: { in: [lines.labour.id, other.lines.labour.id, foreign.id] } },
      select: { decision: true },
    });
    expect(untouched.map((l) => l.decision)).toEqual(["PENDING", "PENDING", "PENDING"]);
  });

  it("the work authorization view carries no price at all; the estimate view shows customer prices with the markup, never the contractor's", async () => {
    const { world } = await setUp({ markup: "10" });
    const authorization = await getPortalEstimate((await linkFor(world, "work_authorization")).actor);
    const text = JSON.stringify(authorization);
    for (const price of [SENTINEL_PRICE, "7,319.47", "8051.42", "8,051.42", "85.00", "93.50"])
      expect(text).not.toContain(price);
    expect(authorization.lines.every((line) => line.prices === null)).toBe(true);
    expect(authorization.currency).toBeNull();

    const estimate = await getPortalEstimate((await linkFor(world, "estimate")).actor);
    expect(estimate.lines.map((line) => line.prices!.unitPrice)).toEqual(["93.50", "46.75", "8051.42"]);
    expect(JSON.stringify(estimate)).not.toContain(SENTINEL_PRICE);
  });
});

describe("the signature", () => {
  it("is bound to a SHA-256 of exactly what was shown, with the name, time, address and browser", async () => {
    const { world, lines } = await setUp();
    const { actor, tokenId } = await linkFor(world);
    await decide(actor, lines.labour.id, "APPROVED");
    await decide(actor, lines.valve.id, "APPROVED");
    await decide(actor, lines.flue.id, "REJECTED", "Too dear");
    const signed = await sign(actor);
    const row = await db.estimateSignature.findUniqueOrThrow({ where: { id: signed.signatureId } });
    expect(row).toMatchObject({
      signerName: "Carol Customer",
      method: "DRAWN",
      ip: meta.ip,
      userAgent: meta.userAgent,
      tokenId,
    });
    expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // The stored content hashes to the stored hash, and holds the lines as shown.
    expect(contentHash(row.content as never)).toBe(row.contentHash);
    const content = row.content as {
      lines: { description: string; unitPrice: string; decision: string }[];
      approvedTotals: { gross: string };
    };
    expect(content.lines.map((l) => [l.description, l.unitPrice, l.decision])).toEqual([
      ["Labour", "85.00", "APPROVED"],
      ["Valve", "42.50", "APPROVED"],
      ["Flue liner", SENTINEL_PRICE, "REJECTED"],
    ]);
    expect(content.approvedTotals.gross).toBe("357.00");
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');

    // Signed: the page is read-only, a decision on a signed line is refused, signing again finds nothing new.
    const after = await getPortalEstimate(actor);
    expect(after.lines.every((line) => line.signed)).toBe(true);
    expect(after.signature).toMatchObject({ signerName: "Carol Customer", current: true });
    await expect(decide(actor, lines.labour.id, "PENDING")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(sign(actor)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.estimateSignature.count({ where: { workOrderId: world.workOrder.id } })).toBe(1);
  });

  it("refuses a price changed between display and signature, an empty name, a missing, huge or malformed drawing, and undecided lines", async () => {
    const { world, lines, staff } = await setUp({ markup: "0" });
    const { actor } = await linkFor(world);
    const shown = await getPortalEstimate(actor);
    for (const line of Object.values(lines)) await decide(actor, line.id, "APPROVED");
    // What the page showed before the decisions no longer matches: refused, nothing saved.
    const stale = ZSignEstimateSchema.parse({
      signerName: "Carol",
      signature: SIGNATURE_SVG,
      shownHash: shown.signing!.hash,
      readTerms: "on",
    });
    await expect(signEstimate(actor, stale, meta)).rejects.toMatchObject({ code: "CONFLICT" });
    // A markup changed by the organisation changes the customer price: the page's hash is stale.
    const current = await getPortalEstimate(actor);
    await db.organisation.update({ where: { id: world.organisation.id }, data: { customerMarkupPercent: "5" } });
    const changed = ZSignEstimateSchema.parse({
      signerName: "Carol",
      signature: SIGNATURE_SVG,
      shownHash: current.signing!.hash,
      readTerms: "on",
    });
    await expect(signEstimate(actor, changed, meta)).rejects.toMatchObject({ code: "CONFLICT" });

    expect(
      ZSignEstimateSchema.safeParse({
        signerName: " ",
        signature: SIGNATURE_SVG,
        shownHash: "a".repeat(64),
      }).error?.flatten().fieldErrors.signerName,
    ).toEqual(["Enter your full name"]);
    expect(
      ZSignEstimateSchema.safeParse({
        signerName: "Carol",
        signature: "x".repeat(200_001),
        shownHash: "a".repeat(64),
      }).error?.flatten().fieldErrors.signature,
    ).toEqual(["The signature is too large: clear it and sign again"]);
    await expect(sign(actor, { signature: "" })).rejects.toMatchObject({
      fieldErrors: { signature: ["Sign in the box, or tick “I sign by typing my name”"] },
    });
    await expect(sign(actor, { signature: "<svg><script>alert(1)</script></svg>" })).rejects.toMatchObject({
      fieldErrors: { signature: ["Draw your signature again"] },
    });
    await expect(sign(actor, { readTerms: undefined })).rejects.toMatchObject({
      fieldErrors: { readTerms: ["Confirm you have read the terms"] },
    });
    await decide(actor, lines.valve.id, "PENDING");
    await expect(sign(actor)).rejects.toMatchObject({
      fieldErrors: { signature: ["Approve or reject every line before you sign"] },
    });
    expect(await db.estimateSignature.count({ where: { workOrderId: world.workOrder.id } })).toBe(0);
    // A typed signature is the signer's name, recorded as typed.
    await decide(actor, lines.valve.id, "APPROVED");
    await expect(sign(actor, { signature: "", signatureTyped: "Someone Else" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const typed = await sign(actor, { signature: "", signatureTyped: "carol customer" });
    expect((await db.estimateSignature.findUniqueOrThrow({ where: { id: typed.signatureId } })).method).toBe("TYPED");
    expect(staff.role).toBe("ADMIN");
  });

  it("a line changed after signing is the only one that needs a decision again; the signature shows it covered the earlier version", async () => {
    const { world, lines, staff } = await setUp();
    const { actor } = await linkFor(world);
    for (const line of Object.values(lines)) await decide(actor, line.id, "APPROVED");
    await sign(actor);
    const revised = await reviseEstimateLine(
      staff,
      ZReviseEstimateLineSchema.parse({
        lineId: lines.valve.id,
        description: "Valve, brass",
        quantity: "2",
        unitCode: "C62",
        unitPrice: "45",
        taxPercent: "20",
      }),
    );
    expect(revised.version).toBe(2);
    // Until a manager approves it, the customer still sees the signed version.
    expect((await getPortalEstimate(actor)).lines.map((l) => l.description)).toEqual(["Labour", "Valve", "Flue liner"]);
    await approveEstimate(staff, { workOrderId: world.workOrder.id, lineIds: [revised.id] });
    const view = await getPortalEstimate(actor);
    expect(view.lines.map((l) => [l.description, l.decision, l.signed])).toEqual([
      ["Labour", "APPROVED", true],
      ["Valve, brass", "PENDING", false],
      ["Flue liner", "APPROVED", true],
    ]);
    expect(view.lines[1].changedSinceSigning).toMatchObject({
      description: "Valve",
      quantity: "1.000",
      unitPrice: "42.50",
    });
    expect(view.signature?.current).toBe(false);
    expect(view.signing?.needed).toBe(true);
    // The old version stays in the record.
    const versions = await db.estimateLine.findMany({
      where: { lineKey: revised.lineKey },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => [v.version, v.description, v.supersededAt !== null])).toEqual([
      [1, "Valve", true],
      [2, "Valve, brass", false],
    ]);
    await decide(actor, revised.id, "APPROVED");
    await sign(actor);
    expect(await db.estimateSignature.count({ where: { workOrderId: world.workOrder.id } })).toBe(2);
    expect((await readCustomerEstimate(db, actor)).covered.size).toBe(3);
  });
});

describe("comments", () => {
  it("staff and the contractor reply, the customer sees it and is emailed; only managers delete, and a deletion stays in the record", async () => {
    const { world, lines, staff } = await setUp();
    const { actor } = await linkFor(world);
    await postLineComment(actor, ZPostLineCommentSchema.parse({ lineId: lines.flue.id, body: "Is the liner needed?" }));
    await postLineComment(
      staff,
      ZPostLineCommentSchema.parse({ lineId: lines.flue.id, body: "Yes, the old one is cracked." }),
    );
    const desk = (await loadDeskActor(world.office.user.id))!;
    const reply = await postLineComment(
      desk,
      ZPostLineCommentSchema.parse({ lineId: lines.flue.id, body: "Photos are on the task." }),
    );
    const seen = await listLineComments(actor, world.workOrder.id);
    expect(seen.map((c) => [c.author, c.body])).toEqual([
      ["CUSTOMER", "Is the liner needed?"],
      ["STAFF", "Yes, the old one is cracked."],
      ["CONTRACTOR", "Photos are on the task."],
    ]);
    const emails = await db.emailOutbox.findMany({
      where: { to: "customer@example.test", template: "estimate-comment-reply", organisationId: world.organisation.id },
    });
    expect(emails).toHaveLength(2);
    expect(emails[0].text).toContain("Yes, the old one is cracked.");

    const coordinator = (await loadStaffActor(world.coordinator.id))!;
    expect(staffCan(coordinator, "estimate.comment.delete")).toBe(false);
    await deleteLineComment(staff, { commentId: reply.id });
    await expect(deleteLineComment(staff, { commentId: reply.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await listLineComments(actor, world.workOrder.id);
    expect(after[2]).toMatchObject({ body: null, deletedByName: world.admin.name });
    expect(after[2].deletedAt).toBeInstanceOf(Date);

    expect(
      ZPostLineCommentSchema.safeParse({ lineId: lines.flue.id, body: "x".repeat(10_000) }).error?.flatten().fieldErrors
        .body,
    ).toEqual(["A comment is 2,000 characters at most"]);
    const other = await setUp();
    await expect(postLineComment(actor, { lineId: other.lines.flue.id, body: "Hello" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(deleteLineComment(other.staff, { commentId: reply.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("sending links", () => {
  it("one link per recipient at a stored moment, a manager's copy without a working link, and a list of every link", async () => {
    const { world, staff } = await setUp();
    const input = ZSendPortalLinkSchema.parse({
      workOrderId: world.workOrder.id,
      view: "estimate",
      otherEmails: "carol@example.test, dave@example.test",
      message: "Please look at the flue.",
      expiresInHours: "48",
    });
    const before = Date.now();
    const { sent } = await sendPortalLink(staff, input);
    expect(sent.map((s) => s.email)).toEqual(["carol@example.test", "dave@example.test"]);
    const tokens = await db.accessToken.findMany({ where: { id: { in: sent.map((s) => s.tokenId) } } });
    for (const token of tokens) {
      expect(token.expiresAt.getTime() - before).toBeGreaterThanOrEqual(48 * 3_600_000 - 1000);
      expect(token.expiresAt.getTime() - before).toBeLessThanOrEqual(48 * 3_600_000 + 5000);
    }
    const copy = await db.emailOutbox.findFirstOrThrow({
      where: { to: world.admin.email, template: "portal-link-copy" },
    });
    expect(copy.text).toContain("carol@example.test");
    expect(copy.text).not.toMatch(/\/l\/[A-Za-z0-9_-]{43}/);
    expect(copy.text).toContain(`…${sent[0].url.slice(-4)}`);
    const listed = await listPortalLinks(staff, world.workOrder.id);
    expect(listed.slice(0, 2).map((l) => [l.email, l.view, l.ending])).toEqual([
      ["dave@example.test", "estimate", sent[1].url.slice(-4)],
      ["carol@example.test", "estimate", sent[0].url.slice(-4)],
    ]);
    const coordinator = (await loadStaffActor(world.coordinator.id))!;
    expect(staffCan(coordinator, "portal.send")).toBe(false);
    const errorsOf = (fields: Record<string, string>) =>
      ZSendPortalLinkSchema.safeParse({
        workOrderId: world.workOrder.id,
        view: "estimate",
        ...fields,
      }).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(errorsOf({ otherEmails: "", expiresInHours: "48" })).toEqual([
      ["otherEmails", "Choose or type at least one recipient"],
    ]);
    expect(errorsOf({ otherEmails: "carol@, dave@example.test" })).toEqual([
      ["otherEmails", "“carol@” is not an email address"],
    ]);
    expect(
      ZSendPortalLinkSchema.safeParse({
        workOrderId: world.workOrder.id,
        view: "estimate",
        otherEmails: "a@b.test",
        expiresInHours: "721",
      }).error?.flatten().fieldErrors.expiresInHours,
    ).toEqual(["At most 30 days (720 hours)"]);
  });
});

describe("progress", () => {
  it("estimated hours from the counted lines against the labour recorded, per line where an entry names one", async () => {
    const { world, lines } = await setUp();
    const assignment = await db.assignment.findFirstOrThrow({ where: { workOrderId: world.workOrder.id } });
    await db.timeEntry.createMany({
      data: [
        {
          organisationId: world.organisation.id,
          assignmentId: assignment.id,
          personId: world.technician.person.id,
          workDate: new Date("2026-12-01"),
          minutes: 90,
          estimateLineId: lines.labour.id,
        },
        {
          organisationId: world.organisation.id,
          assignmentId: assignment.id,
          personId: world.technician.person.id,
          workDate: new Date("2026-12-01"),
          minutes: 30,
        },
      ],
    });
    const progress = await getPortalProgress((await linkFor(world, "progress")).actor);
    expect(progress.hours).toEqual({
      estimatedMinutes: 180,
      recordedMinutes: 120,
      unassignedMinutes: 30,
      perLine: [{ id: lines.labour.id, description: "Labour", estimatedMinutes: 180, recordedMinutes: 90 }],
    });
    for (const price of [SENTINEL_PRICE, "85.00", "42.50"]) expect(JSON.stringify(progress)).not.toContain(price);
  });
});

describe("the customer invoice", () => {
  it("is issued once the work is completed, from the counted lines at customer prices and added lines, with its own number sequence; a correction cancels it and issues another, both kept", async () => {
    const { world, staff, lines } = await setUp({ markup: "10" });
    const { actor } = await linkFor(world);
    await decide(actor, lines.flue.id, "REJECTED");
    const issue = (fields: Record<string, unknown> = {}) =>
      issueCustomerInvoice(
        staff,
        ZIssueCustomerInvoiceSchema.parse({
          workOrderId: world.workOrder.id,
          "lines.0.description": "Call-out charge",
          "lines.0.quantity": "1",
          "lines.0.unitCode": "C62",
          "lines.0.unitPrice": "30",
          "lines.0.taxPercent": "",
          ...fields,
        }),
      );
    await expect(issue()).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The customer is invoiced once the work is completed.",
    });
    await db.assignment.updateMany({ where: { workOrderId: world.workOrder.id }, data: { status: "COMPLETED" } });
    await expect(issue()).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("legal name and address"),
    });
    await db.organisation.update({
      where: { id: world.organisation.id },
      data: {
        legalName: "Northwind Property Services Ltd",
        address: "1 Quay Street, Bristol",
        taxNumber: "GB123456789",
        lastWorkOrderNumber: 500,
      },
    });
    const first = await issue();
    await expect(issue()).rejects.toMatchObject({ code: "CONFLICT" });
    expect(first.number).toBe(1);
    const invoices = await listCustomerInvoices(staff, world.workOrder.id);
    // Not-to-exceed lines count (no customer approval required): labour and valve at +10 %, the flue too (counted by the manager's approval).
    expect(invoices[0].lines.map((l) => [l.description, l.unitPrice.toFixed(2), l.net.toFixed(2)])).toEqual([
      ["Labour", "93.50", "280.50"],
      ["Valve", "46.75", "46.75"],
      ["Flue liner", "8051.42", "8051.42"],
      ["Call-out charge", "30.00", "30.00"],
    ]);
    expect([invoices[0].net.toFixed(2), invoices[0].tax.toFixed(2), invoices[0].gross.toFixed(2)]).toEqual([
      "8408.67",
      "1681.73",
      "10090.40",
    ]);
    expect(invoices[0].seller).toEqual({
      name: "Northwind Property Services Ltd",
      address: "1 Quay Street, Bristol",
      taxNumber: "GB123456789",
    });

    await expect(issue({ replacesId: first.id })).rejects.toMatchObject({
      fieldErrors: { reason: ["Say why the invoice is corrected"] },
    });
    const second = await issue({
      replacesId: first.id,
      reason: "The call-out was waived",
      "lines.0.description": "",
      "lines.0.quantity": "",
      "lines.0.unitPrice": "",
    });
    expect(second.number).toBe(2);
    const both = await listCustomerInvoices(staff, world.workOrder.id);
    expect(both.map((i) => [i.number, i.status, i.replaces, i.replacedBy])).toEqual([
      [2, "ISSUED", 1, null],
      [1, "CANCELLED", null, 2],
    ]);
    // The customer's invoice link reads them; an estimate link cannot.
    const invoiceLink = await linkFor(world, "invoice");
    expect((await listCustomerInvoices(invoiceLink.actor, "ignored")).map((i) => i.number)).toEqual([2, 1]);
    await expect(listCustomerInvoices(actor, world.workOrder.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(JSON.stringify(await listCustomerInvoices(invoiceLink.actor, "ignored"))).not.toContain(SENTINEL_PRICE);
  });
});

describe("contractor proposals", () => {
  it("the Desk proposes a line or a change; staff accept it as a draft (a change as a new version) or refuse it with a reason", async () => {
    const { world, staff, lines } = await setUp();
    const desk = (await loadDeskActor(world.office.user.id))!;
    const assignment = await db.assignment.findFirstOrThrow({ where: { workOrderId: world.workOrder.id } });
    await db.assignment.update({ where: { id: assignment.id }, data: { status: "ACCEPTED" } });
    const propose = (fields: Record<string, string>) =>
      proposeEstimateLine(desk, ZProposeEstimateLineSchema.parse({ assignmentId: assignment.id, ...fields }));
    const extra = await propose({
      description: "Replace the expansion vessel",
      hours: "1.5",
      parts: "8 l vessel",
      price: "180",
    });
    const change = await propose({
      description: "Labour, with a second engineer",
      price: "400",
      lineId: lines.labour.id,
    });
    const refused = await propose({ description: "Power flush", price: "350" });
    await expect(
      decideEstimateProposal(
        staff,
        ZDecideProposalSchema.parse({ proposalId: refused.id, decision: "REFUSED", reason: "Not needed" }),
      ),
    ).resolves.toMatchObject({ changed: true });
    expect(
      ZDecideProposalSchema.safeParse({ proposalId: refused.id, decision: "REFUSED" }).error?.flatten().fieldErrors
        .reason,
    ).toEqual(["Say why it is refused"]);
    const accepted = await decideEstimateProposal(staff, {
      proposalId: extra.id,
      decision: "ACCEPTED",
      reason: undefined,
    });
    expect(
      await decideEstimateProposal(staff, { proposalId: extra.id, decision: "ACCEPTED", reason: undefined }),
    ).toEqual({ changed: false });
    const added = await db.estimateLine.findUniqueOrThrow({ where: { id: accepted.estimateLineId! } });
    expect([
      added.description,
      added.quantity.toString(),
      added.unitCode,
      added.unitPrice.toFixed(2),
      added.approvedAt,
    ]).toEqual(["Replace the expansion vessel (1.5 h; parts: 8 l vessel)", "1", "LS", "180.00", null]);
    const changed = await decideEstimateProposal(staff, {
      proposalId: change.id,
      decision: "ACCEPTED",
      reason: undefined,
    });
    const version = await db.estimateLine.findUniqueOrThrow({ where: { id: changed.estimateLineId! } });
    expect([version.lineKey, version.version, version.position]).toEqual([
      lines.labour.lineKey,
      2,
      lines.labour.position,
    ]);
    const listed = await listEstimateProposals(desk, world.workOrder.id);
    expect(listed.map((p) => [p.description, p.status, p.reason])).toEqual([
      ["Power flush", "REFUSED", "Not needed"],
      ["Labour, with a second engineer", "ACCEPTED", null],
      ["Replace the expansion vessel", "ACCEPTED", null],
    ]);
    // Another company cannot propose on this task.
    const rival = await createWorld(db);
    const rivalDesk = (await loadDeskActor(rival.office.user.id))!;
    await expect(
      proposeEstimateLine(
        rivalDesk,
        ZProposeEstimateLineSchema.parse({ assignmentId: assignment.id, description: "x", price: "1" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
