import type { TaskList } from "graphile-worker";
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { readAttachmentInAnyRole } from "@/lib/attachments/list-attachments";
import { collectEvidence } from "@/lib/evidence-packs/collect-evidence";
import { CHANGES_CHANNEL } from "@/lib/realtime/channel";
import { getWorkOrder } from "@/lib/work-orders/get-work-order";
import { describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/auth/secrets";
import { db } from "@/lib/db";
import { parseWallClock } from "@/lib/time/calendar";
import { deliverLatestEmail, linkSecretIn } from "@/tests/deliver-email";
import { pdfText } from "@/tests/pdf-text";
import { EXE_BYTES, PDF_BYTES } from "@/tests/sample-files";
import { queuedJobs, runDueJobs } from "@/tests/jobs";
import { answerFromForm } from "./answer-from-form";
import { answerQuote, confirmQuote, declineQuote } from "./answer-quote";
import { attachForBidders, readBidderFile } from "./quote-attachments";
import { cancelQuoteRequest, extendQuoteDeadline } from "./change-quote-request";
import { compareQuotes } from "./compare-quotes";
import { exportComparisonCsv, exportComparisonPdf } from "./export-comparison";
import { renderQuotePdf } from "./render-quote-pdf";
import { getBidderQuote } from "./get-bidder-quote";
import { getQuoteRequest } from "./get-quote-request";
import { listDeskInvitations } from "./list-desk-invitations";
import { listQuoteRequests } from "./list-quote-requests";
import { addInvitees, resendInvitation } from "./manage-invitees";
import { openAnswersEarly } from "./open-answers-early";
import { answerQuestion, askQuestion } from "./quote-questions";
import { answer, code, DAY, dayAhead, input, meta, SENTINEL, sentRequest, world } from "./quote-test-world";
import { createQuoteRequest, sendQuoteRequest } from "./create-quote-request";
import { remindBidder } from "./remind-bidder";
import { resolveQuoteLink } from "./resolve-quote-link";
import { reviseQuoteRequest } from "./revise-quote-request";

const remindTask: TaskList = {
  "quote.remind": async (payload) => remindBidder(payload as { invitationId: string; deadline: string }),
};
const reminderJobs = async (invitationId: string) =>
  (await queuedJobs("quote.remind")).filter((j) => j.key === `quote-remind:${invitationId}`);
const remindersOf = (invitationId: string) => db.quoteReminder.findMany({ where: { invitationId } });

describe("the reminder 24 hours before the deadline", () => {
  it("is one job per invitation at deadline − 24 h, sent once with two runners and a retry", async () => {
    const { request, supplier } = await sentRequest();
    const [job] = await reminderJobs(supplier.id);
    expect(job.run_at.getTime()).toBe(request.deadline.getTime() - DAY);
    const due = new Date(request.deadline.getTime() - DAY + 60_000);
    // Two runners at once, then the job's retry after a crash: one reminder, one email.
    await Promise.all([
      remindBidder({ invitationId: supplier.id, deadline: request.deadline.toISOString() }, due),
      remindBidder({ invitationId: supplier.id, deadline: request.deadline.toISOString() }, due),
    ]);
    await runDueJobs(due, remindTask);
    await remindBidder({ invitationId: supplier.id, deadline: request.deadline.toISOString() }, due);
    expect(await remindersOf(supplier.id)).toHaveLength(1);
    const emails = await db.emailOutbox.findMany({ where: { template: "quote-reminder", to: supplier.email } });
    expect(emails).toHaveLength(1);
    // Its link opens the same invitation.
    const bidder = await resolveQuoteLink(linkSecretIn(await deliverLatestEmail(supplier.email)), meta);
    expect(bidder.invitationId).toBe(supplier.id);
  });

  it("is cancelled by an answer and a decline, and never sent after one", async () => {
    const { request, invitations, supplier, secret } = await sentRequest();
    const declined = invitations.find((i) => i.id !== supplier.id)!;
    await answerQuote(await resolveQuoteLink(secret, meta), answer(supplier.id), { submit: true });
    await declineQuote(
      { invitationId: declined.id, organisationId: declined.organisationId, label: "x", tokenId: null },
      {
        invitationId: declined.id,
        reason: "Too far away",
      },
    );
    expect(await reminderJobs(supplier.id)).toEqual([]);
    expect(await reminderJobs(declined.id)).toEqual([]);
    const due = new Date(request.deadline.getTime() - DAY + 60_000);
    for (const id of [supplier.id, declined.id])
      await remindBidder({ invitationId: id, deadline: request.deadline.toISOString() }, due);
    expect(await db.quoteReminder.count({ where: { invitationId: { in: [supplier.id, declined.id] } } })).toBe(0);
  });

  it("is cancelled with the request; a new deadline gets its own, the old one's job does nothing", async () => {
    const { w, request, supplier, invitations } = await sentRequest();
    const oldDeadline = request.deadline;
    const due = new Date(oldDeadline.getTime() - DAY + 60_000);
    await remindBidder({ invitationId: supplier.id, deadline: oldDeadline.toISOString() }, due);
    expect(await remindersOf(supplier.id)).toHaveLength(1);

    const moved = await extendQuoteDeadline(w.actors.coordinator, {
      quoteRequestId: request.id,
      deadline: { kind: "local", clock: parseWallClock(`${dayAhead(9)}T17:00`)! },
    });
    const [job] = await reminderJobs(supplier.id);
    expect(job.run_at.getTime()).toBe(moved.deadline.getTime() - DAY);
    // The job for the old deadline, run late, sends nothing.
    await remindBidder({ invitationId: supplier.id, deadline: oldDeadline.toISOString() }, due);
    await remindBidder(
      { invitationId: supplier.id, deadline: moved.deadline.toISOString() },
      new Date(moved.deadline.getTime() - DAY),
    );
    expect((await remindersOf(supplier.id)).map((r) => r.deadline.getTime())).toEqual([
      oldDeadline.getTime(),
      moved.deadline.getTime(),
    ]);

    await cancelQuoteRequest(w.actors.coordinator, { quoteRequestId: request.id, reason: "Budget cut" });
    for (const invitation of invitations) expect(await reminderJobs(invitation.id)).toEqual([]);
  });
});

describe("questions", () => {
  it("an answer to all is emailed to every invitee that has not declined, never naming who asked", async () => {
    const { w, request, invitations, supplier, secret } = await sentRequest();
    const declined = invitations.find((i) => i.id !== supplier.id && i.contractorCompanyId !== w.company.id)!;
    await declineQuote(
      { invitationId: declined.id, organisationId: declined.organisationId, label: "x", tokenId: null },
      {
        invitationId: declined.id,
        reason: "Booked up",
      },
    );
    const bidder = await resolveQuoteLink(secret, meta);
    const asked = await askQuestion(bidder, { invitationId: supplier.id, question: "Is there parking on site?" });
    // Asked twice (a double click): one question.
    await askQuestion(bidder, { invitationId: supplier.id, question: "Is there parking on site?" });
    expect(await db.quoteQuestion.count({ where: { quoteRequestId: request.id } })).toBe(1);
    // Another invitation cannot be asked for.
    expect(await code(askQuestion(bidder, { invitationId: declined.id, question: "Sneaky?" }))).toBe("NOT_FOUND");

    expect(
      await code(answerQuestion(w.actors.office as never, { questionId: asked.id, answer: "x", toAll: true })),
    ).not.toBe("OK");
    await answerQuestion(w.actors.coordinator, { questionId: asked.id, answer: "Two bays by the gate.", toAll: true });
    const emails = await db.emailOutbox.findMany({ where: { template: "quote-question-answered" } });
    const mine = emails.filter((e) => invitations.some((i) => i.email === e.to));
    expect(mine.map((e) => e.to).sort()).toEqual(
      invitations
        .filter((i) => i.id !== declined.id)
        .map((i) => i.email)
        .sort(),
    );
    for (const email of mine) {
      expect(email.text).toContain("Two bays by the gate.");
      expect(email.text).not.toContain("Rita");
    }
    // The other bidder sees the question and its answer; answering again changes nothing.
    const other = invitations.find((i) => i.contractorCompanyId === w.company.id)!;
    const view = await getBidderQuote({
      invitationId: other.id,
      organisationId: other.organisationId,
      label: "o",
      tokenId: null,
    });
    expect(view.request.questions.map((q) => [q.question, q.answer, q.mine])).toEqual([
      ["Is there parking on site?", "Two bays by the gate.", false],
    ]);
    expect(
      await code(answerQuestion(w.actors.coordinator, { questionId: asked.id, answer: "Changed", toAll: false })),
    ).toBe("CONFLICT");
  });

  it("a private answer reaches only the bidder that asked", async () => {
    const { w, invitations, supplier, secret } = await sentRequest();
    const asked = await askQuestion(await resolveQuoteLink(secret, meta), {
      invitationId: supplier.id,
      question: "Can we visit on Saturday?",
    });
    await answerQuestion(w.actors.coordinator, { questionId: asked.id, answer: "Yes, from 9.", toAll: false });
    const to = (await db.emailOutbox.findMany({ where: { template: "quote-question-answered" } }))
      .map((e) => e.to)
      .filter((address) => invitations.some((i) => i.email === address));
    expect(to).toEqual([supplier.email]);
    const other = invitations.find((i) => i.id !== supplier.id)!;
    const view = await getBidderQuote({
      invitationId: other.id,
      organisationId: other.organisationId,
      label: "o",
      tokenId: null,
    });
    expect(view.request.questions).toEqual([]);
  });
});

describe("changing a sent request", () => {
  it("versions it, emails what changed, marks earlier answers until confirmed, and a repeat changes nothing", async () => {
    const { w, request, supplier, secret } = await sentRequest();
    const bidder = await resolveQuoteLink(secret, meta);
    await answerQuote(bidder, answer(supplier.id), { submit: true });
    const change = {
      quoteRequestId: request.id,
      scope: "Replace the flat roof membrane and two roof lights",
      requirements: request.requirements,
    };
    await reviseQuoteRequest(w.actors.coordinator, change);
    await reviseQuoteRequest(w.actors.coordinator, change);
    const after = await db.quoteRequest.findUniqueOrThrow({ where: { id: request.id }, include: { changes: true } });
    expect(after.version).toBe(2);
    expect(after.changes.map((c) => c.changes)).toEqual([
      [{ field: "scope", label: "Scope", before: request.scope, after: change.scope }],
    ]);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { template: "quote-request-revised", to: supplier.email },
    });
    expect(email.text).toContain("two roof lights");

    await openAnswersEarly(w.actors.manager, { quoteRequestId: request.id, reason: "Urgent leak" });
    const stale = (await compareQuotes(await getQuoteRequest(w.actors.manager, request.id), new Date()))!;
    expect(stale.columns.find((c) => c.invitationId === supplier.id)!.answer!.stale).toBe(true);
    await confirmQuote(bidder, { invitationId: supplier.id });
    const fresh = (await compareQuotes(await getQuoteRequest(w.actors.manager, request.id), new Date()))!;
    const column = fresh.columns.find((c) => c.invitationId === supplier.id)!;
    expect([column.answer!.stale, column.answer!.number]).toEqual([false, 2]);
    expect(column.history.map((h) => [h.number, h.gross.toString()])).toEqual([[1, "1849.5"]]);
  });
});

describe("a document added to a sent request", () => {
  it("is a change of the request: a new version, every bidder emailed, the bidders read it", async () => {
    const { w, request, supplier, secret } = await sentRequest();
    const file = new File([PDF_BYTES], "roof-plan.pdf", { type: "application/pdf" });
    await attachForBidders(w.actors.coordinator, { quoteRequestId: request.id, file });
    const after = await db.quoteRequest.findUniqueOrThrow({ where: { id: request.id }, include: { changes: true } });
    expect(after.version).toBe(2);
    expect(after.changes[0].changes).toEqual([
      { field: "documents", label: "Documents", before: "", after: "roof-plan.pdf" },
    ]);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { template: "quote-request-revised", to: supplier.email },
    });
    expect(email.text).toContain("roof-plan.pdf");
    const view = await getBidderQuote(await resolveQuoteLink(secret, meta));
    expect(view.request.attachments.map((a) => a.filename)).toEqual(["roof-plan.pdf"]);
    // Not one of the work order's documents.
    expect(await db.attachment.count({ where: { workOrderId: request.workOrderId } })).toBe(0);
  });
});

describe("a draft", () => {
  it("emails nobody until sent, takes more invitees, and is sent once; a passed deadline is refused", async () => {
    const w = await world();
    const draft = await createQuoteRequest(w.actors.coordinator, input(w), { send: false });
    const invitations = await db.quoteInvitation.findMany({ where: { quoteRequestId: draft.id } });
    const mail = () => db.emailOutbox.count({ where: { to: { in: invitations.map((i) => i.email) } } });
    expect(await mail()).toBe(0);
    await addInvitees(w.actors.coordinator, {
      quoteRequestId: draft.id,
      contractorCompanyIds: [],
      suppliers: [{ name: "Late Larry", company: "", email: `larry-${Date.now()}@example.test` }],
      overrideReason: null,
    });
    expect(await db.accessToken.count({ where: { purpose: "QUOTE", organisationId: draft.organisationId } })).toBe(0);
    await expect(
      sendQuoteRequest(w.actors.coordinator, { quoteRequestId: draft.id }, new Date(draft.deadline.getTime() + 1)),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await sendQuoteRequest(w.actors.coordinator, { quoteRequestId: draft.id });
    await sendQuoteRequest(w.actors.coordinator, { quoteRequestId: draft.id });
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("OPEN");
    expect(
      await db.emailOutbox.count({
        where: { template: "quote-invitation", to: { in: invitations.map((i) => i.email) } },
      }),
    ).toBe(3);
    expect(await db.accessToken.count({ where: { purpose: "QUOTE", organisationId: draft.organisationId } })).toBe(4);
  });
});

describe("invitees after sending", () => {
  it("adds an invitee once, and a new link revokes the old one", async () => {
    const { w, request, invitations, supplier, secret } = await sentRequest();
    const add = {
      quoteRequestId: request.id,
      contractorCompanyIds: [],
      suppliers: [{ name: "Nora New", company: "", email: `nora-${Date.now()}@example.test` }],
      overrideReason: null,
    };
    expect(await addInvitees(w.actors.coordinator, add)).toEqual({ added: 1 });
    expect(await addInvitees(w.actors.coordinator, add)).toEqual({ added: 0 });
    expect(await db.quoteInvitation.count({ where: { quoteRequestId: request.id } })).toBe(invitations.length + 1);

    // The first opening is on the work order's timeline, read from the mark.
    await resolveQuoteLink(secret, meta);
    const timeline = (await getWorkOrder(w.actors.coordinator, request.workOrderId)).timeline;
    expect(timeline.filter((e) => e.type === "quote.opened").map((e) => e.data)).toEqual([
      { bidder: "Rita's Roofing" },
    ]);

    await resendInvitation(w.actors.coordinator, { invitationId: supplier.id });
    await expect(resolveQuoteLink(secret, meta)).rejects.toMatchObject({ code: "LINK_EXPIRED" });
    const fresh = linkSecretIn(await deliverLatestEmail(supplier.email));
    expect((await resolveQuoteLink(fresh, meta)).invitationId).toBe(supplier.id);
    const tokens = await db.accessToken.findMany({
      where: { tokenHash: { in: [hashSecret(secret), hashSecret(fresh)] } },
    });
    expect(tokens.map((t) => t.revokedAt !== null).sort()).toEqual([false, true]);
  });
});

describe("sealed answers opened early, the lists and the export", () => {
  it("only a manager opens them, with a reason on the timeline; the export is refused before", async () => {
    const { w, request, supplier, secret } = await sentRequest();
    await answerQuote(
      await resolveQuoteLink(secret, meta),
      answer(supplier.id, {
        lines: [{ description: "All", quantity: "1", unitCode: "LS", unitPrice: SENTINEL, taxPercent: "0" }],
      }),
      { submit: true },
    );
    await expect(exportComparisonCsv(w.actors.coordinator, request.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await code(openAnswersEarly(w.actors.coordinator, { quoteRequestId: request.id, reason: "Curious" }))).toBe(
      "FORBIDDEN",
    );
    await openAnswersEarly(w.actors.manager, { quoteRequestId: request.id, reason: "Storm damage, must start" });
    await openAnswersEarly(w.actors.manager, { quoteRequestId: request.id, reason: "Again" });
    const events = await db.timelineEvent.findMany({
      where: { workOrderId: request.workOrderId, type: "quote.opened_early" },
    });
    expect(events.map((e) => (e.data as { reason: string }).reason)).toEqual(["Storm damage, must start"]);
    const { csv } = await exportComparisonCsv(w.actors.coordinator, request.id);
    expect(csv).toContain(SENTINEL);
  });

  it("lists requests by phase with answered of invited, and a contractor's invitations across clients", async () => {
    const { w, request, invitations, supplier, secret } = await sentRequest();
    await answerQuote(await resolveQuoteLink(secret, meta), answer(supplier.id), { submit: true });
    const list = await listQuoteRequests(w.actors.coordinator, { sort: "deadline", dir: "desc" });
    expect(list.rows.map((r) => [r.id, r.phase, r.answered, r.invited])).toEqual([[request.id, "open", 1, 3]]);
    expect(list.counts).toMatchObject({ open: 1, closed: 0 });
    const later = new Date(request.deadline.getTime() + 1);
    const closed = await listQuoteRequests(
      w.actors.coordinator,
      { phase: "closed", sort: "deadline", dir: "desc" },
      later,
    );
    expect(closed.rows.map((r) => r.id)).toEqual([request.id]);

    const desk = await listDeskInvitations(w.actors.office, { show: "open" });
    const own = invitations.find((i) => i.contractorCompanyId === w.company.id)!;
    expect(desk.rows.map((r) => r.id)).toEqual([own.id]);
    expect((await listDeskInvitations(w.actors.office, { show: "open" }, later)).rows).toEqual([]);
  });
});

describe("documents", () => {
  it("a bidder's quote document is its own: no other bidder, and no staff page before opening, reads it", async () => {
    const { w, request, invitations, supplier, secret } = await sentRequest();
    const bidder = await resolveQuoteLink(secret, meta);
    // As the form posts it: text fields, lines as rows, the file.
    const form = {
      invitationId: supplier.id,
      intent: "submit",
      "lines.0.description": "Strip and re-felt",
      "lines.0.quantity": "1",
      "lines.0.unitCode": "LS",
      "lines.0.unitPrice": "1200.00",
      "lines.0.taxPercent": "20",
      proposedDate: dayAhead(10),
      file: new File([PDF_BYTES], "our-quote.pdf", { type: "application/pdf" }),
    };
    await answerFromForm(bidder, form);
    const own = await getBidderQuote(bidder);
    const document = own.submitted[0].document!;
    expect(document.filename).toBe("our-quote.pdf");
    expect((await readBidderFile(bidder, document.id)).id).toBe(document.id);
    const other = invitations.find((i) => i.id !== supplier.id)!;
    const otherBidder = { invitationId: other.id, organisationId: other.organisationId, label: "o", tokenId: null };
    expect(await code(readBidderFile(otherBidder, document.id))).toBe("NOT_FOUND");
    expect((await getBidderQuote(otherBidder)).request.attachments).toEqual([]);
    const sealed = await getQuoteRequest(w.actors.coordinator, request.id);
    expect(sealed.attachments).toEqual([]);
    // Nor by its id, while sealed; once the answers are open, staff download it.
    expect(await readAttachmentInAnyRole([w.actors.manager], document.id)).toBeNull();
    await openAnswersEarly(w.actors.manager, { quoteRequestId: request.id, reason: "Urgent" });
    expect((await readAttachmentInAnyRole([w.actors.manager], document.id))?.id).toBe(document.id);
    expect(JSON.stringify(sealed)).not.toContain("our-quote.pdf");
    // A program refused, and nothing kept.
    const refused = {
      ...form,
      file: new File([EXE_BYTES], "quote.pdf", { type: "application/pdf" }),
    };
    expect(await code(answerFromForm(bidder, refused))).toBe("INVALID_INPUT");
    expect((await getBidderQuote(bidder)).submitted).toHaveLength(1);
  });
});

describe("PDFs", () => {
  it("a bidder's PDF is exactly what it submitted; the comparison's is refused while sealed, then aligned", async () => {
    const { w, request, supplier, secret } = await sentRequest();
    const bidder = await resolveQuoteLink(secret, meta);
    await answerQuote(bidder, answer(supplier.id), { submit: true });
    const text = await pdfText(await renderQuotePdf(await getBidderQuote(bidder), 1));
    for (const words of ["Strip and re-felt", "£1,200.00", "£341.25", "£1,541.25", "£1,849.50", "Weather permitting"])
      expect(text).toContain(words);
    await expect(renderQuotePdf(await getBidderQuote(bidder), 2)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(exportComparisonPdf(w.actors.coordinator, request.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await openAnswersEarly(w.actors.manager, { quoteRequestId: request.id, reason: "Leak" });
    const { pdf } = await exportComparisonPdf(w.actors.coordinator, request.id);
    const compared = await pdfText(pdf);
    expect(compared).toContain("£1,849.50 (lowest)");
    expect(compared).toContain("Strip and re-felt");
  });
});

describe("sealed means absent", () => {
  it("a sealed price is in no staff read, export, timeline, realtime event, email or evidence pack before opening", async () => {
    const listener = new pg.Client(pgConfigFromUrl(process.env.DATABASE_URL!));
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
    try {
      const { w, request, supplier, secret } = await sentRequest();
      const bidder = await resolveQuoteLink(secret, meta);
      await answerQuote(
        bidder,
        answer(supplier.id, {
          lines: [{ description: "Everything", quantity: "1", unitCode: "LS", unitPrice: SENTINEL, taxPercent: "20" }],
          comments: "Our best price",
        }),
        { submit: true },
      );
      const actor = w.actors.coordinator;
      const reads = {
        request: await getQuoteRequest(actor, request.id),
        list: await listQuoteRequests(actor, { sort: "deadline", dir: "desc" }),
        evidence: await collectEvidence(actor, { workOrderId: request.workOrderId }),
        timeline: await db.timelineEvent.findMany({ where: { workOrderId: request.workOrderId } }),
        outbox: await db.emailOutbox.findMany({ where: { organisationId: request.organisationId } }),
        workOrder: await getWorkOrder(actor, request.workOrderId),
        estimate: await db.estimateLine.findMany({ where: { workOrderId: request.workOrderId } }),
      };
      await new Promise((resolve) => setTimeout(resolve, 50));
      const everything = JSON.stringify({ ...reads, heard });
      for (const text of [SENTINEL, "987,654.32", "1185185", "1,185,185", "Our best price"])
        expect(everything).not.toContain(text);
      expect(await compareQuotes(reads.request, new Date())).toBeNull();
      await expect(exportComparisonCsv(actor, request.id)).rejects.toMatchObject({ code: "CONFLICT" });
      // The bidder itself sees its price.
      expect(JSON.stringify(await getBidderQuote(bidder))).toContain(SENTINEL);
    } finally {
      await listener.end();
    }
  });
});

describe("an answer's totals, worked out on the server", () => {
  // Each line rounded once to the pence, its tax on that rounded net, then summed.
  it.each([
    ["one line", [["1", "1200.00", "20"]], "1200.00", "240.00", "1440.00"],
    ["a tax of 19.8p rounds to 20p", [["3", "0.33", "20"]], "0.99", "0.20", "1.19"],
    ["hours at a rate", [["7.5", "45.50", "20"]], "341.25", "68.25", "409.50"],
    [
      "two rates, one at nought",
      [
        ["2", "10.01", "0"],
        ["1", "99.99", "5"],
      ],
      "120.01",
      "5.00",
      "125.01",
    ],
    [
      "tax per line, each rounded",
      [
        ["1", "0.25", "20"],
        ["1", "0.25", "20"],
      ],
      "0.50",
      "0.10",
      "0.60",
    ],
    ["a fractional quantity", [["0.125", "80.00", "20"]], "10.00", "2.00", "12.00"],
  ])("%s", async (_case, lines, net, tax, gross) => {
    const { supplier, secret } = await sentRequest();
    const revision = await answerQuote(
      await resolveQuoteLink(secret, meta),
      answer(supplier.id, {
        lines: lines.map(([quantity, unitPrice, taxPercent], i) => ({
          description: `Line ${i + 1}`,
          quantity,
          unitCode: "C62",
          unitPrice,
          taxPercent,
        })),
      }),
      { submit: true },
    );
    expect([revision.net.toFixed(2), revision.tax.toFixed(2), revision.gross.toFixed(2)]).toEqual([net, tax, gross]);
  });
});
