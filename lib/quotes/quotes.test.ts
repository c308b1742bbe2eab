import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/secrets";
import { parseWallClock } from "@/lib/time/calendar";
import { db } from "@/lib/db";
import { createAccreditation, createContractorPerson, createTrade, createWorld } from "@/prisma/factories";
import { answerQuote, declineQuote } from "./answer-quote";
import { awardQuote } from "./award-quote";
import { cancelQuoteRequest, extendQuoteDeadline } from "./change-quote-request";
import { createQuoteRequest } from "./create-quote-request";
import { deskBidder } from "./desk-bidder";
import { getBidderQuote } from "./get-bidder-quote";
import { getQuoteRequest } from "./get-quote-request";
import { resolveQuoteLink } from "./resolve-quote-link";
import { quoteAnswerSchema, MAX_QUOTE_LINES } from "./schemas";

import { answer, code, DAY, dayAhead, input, meta, SENTINEL, sentRequest, world } from "./quote-test-world";

describe("sending a request for quote", () => {
  it("emails each invitee one link of its own, stored only as a hash, and tells none of the others", async () => {
    const { request, invitations, supplier, secret } = await sentRequest();
    expect(request.status).toBe("OPEN");
    expect(invitations).toHaveLength(3);
    const tokens = await db.accessToken.findMany({
      where: { purpose: "QUOTE", organisationId: request.organisationId },
    });
    expect(tokens).toHaveLength(3);
    const token = tokens.find((t) => t.tokenHash === hashSecret(secret))!;
    expect(token.scope).toEqual({ invitationId: supplier.id });
    expect(token.expiresAt.getTime()).toBe(request.deadline.getTime() + 14 * DAY);
    expect(secret.length * 6).toBeGreaterThanOrEqual(128);
    const emails = await db.emailOutbox.findMany({
      where: { template: "quote-invitation", to: { in: invitations.map((i) => i.email) } },
    });
    expect(emails).toHaveLength(3);
    for (const email of emails) {
      expect(email.text).not.toContain(secret);
      for (const other of invitations.filter((i) => i.email !== email.to))
        expect(email.text).not.toContain(other.email);
    }
  });

  it("a supplier's address that belongs to a contractor person invites that person's company", async () => {
    const w = await world();
    const request = await createQuoteRequest(
      w.actors.coordinator,
      input(w, {
        contractorCompanyIds: [],
        suppliers: [{ name: "Office", company: "", email: w.office.user.email }],
      }),
      { send: true },
    );
    const invitations = await db.quoteInvitation.findMany({ where: { quoteRequestId: request.id } });
    expect(invitations.map((i) => i.contractorCompanyId)).toEqual([w.company.id]);
  });

  it("refuses a deadline in the past, no invitee, and companies the compliance gate stops (a manager may go ahead)", async () => {
    const w = await world();
    expect(
      await code(
        createQuoteRequest(w.actors.coordinator, input(w, { deadline: `${dayAhead(-1)}T09:00` }), { send: true }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await code(
        createQuoteRequest(w.actors.coordinator, input(w, { contractorCompanyIds: [], suppliers: [] }), { send: true }),
      ),
    ).toBe("INVALID_INPUT");
    const roofing = await createTrade(db, w.organisation.id, { requires: ["Roofing insurance"] });
    await db.workOrder.update({ where: { id: w.workOrder.id }, data: { categoryId: roofing.id } });
    await createAccreditation(db, {
      contractorCompanyId: w.second.id,
      type: "roofing insurance",
      expiresAt: new Date(Date.now() + 90 * DAY),
    });
    expect(await code(createQuoteRequest(w.actors.coordinator, input(w), { send: true }))).toBe("INVALID_INPUT");
    expect(await db.quoteRequest.count({ where: { workOrderId: w.workOrder.id } })).toBe(0);
    const request = await createQuoteRequest(w.actors.manager, input(w, { overrideReason: "Known to us" }), {
      send: true,
    });
    const gated = await db.quoteInvitation.findFirstOrThrow({
      where: { quoteRequestId: request.id, contractorCompanyId: w.company.id },
    });
    expect(gated.complianceOverride).toMatchObject({
      reason: "Known to us",
      problems: [{ document: "Roofing insurance" }],
    });
    const passed = await db.quoteInvitation.findFirstOrThrow({
      where: { quoteRequestId: request.id, contractorCompanyId: w.second.id },
    });
    expect(passed.complianceOverride).toBeNull();
  });

  it("staff of another organisation cannot ask on a work order that is not theirs", async () => {
    const w = await world();
    const other = await createWorld(db);
    const stranger = (await loadStaffActor(other.admin.id))!;
    expect(await code(createQuoteRequest(stranger, input(w, { contractorCompanyIds: [] }), { send: false }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("a bidder's link", () => {
  it("opened any number of times (GET, HEAD, scanners) writes only access-log rows and the first-opened mark", async () => {
    const { supplier, secret } = await sentRequest();
    const before = await db.accessToken.findFirstOrThrow({ where: { tokenHash: hashSecret(secret) } });
    const first = await resolveQuoteLink(secret, meta);
    const openedAt = (await db.quoteInvitation.findUniqueOrThrow({ where: { id: supplier.id } })).firstOpenedAt;
    expect(openedAt).not.toBeNull();
    await resolveQuoteLink(secret, meta);
    await resolveQuoteLink(secret, meta);
    const after = await db.quoteInvitation.findUniqueOrThrow({ where: { id: supplier.id } });
    expect(after).toEqual({ ...supplier, firstOpenedAt: openedAt });
    expect(await db.accessToken.findFirstOrThrow({ where: { tokenHash: hashSecret(secret) } })).toEqual(before);
    expect(await db.accessLog.count({ where: { tokenId: first.tokenId!, event: "QUOTE_VIEWED" } })).toBe(3);
    expect(await db.quoteRevision.count({ where: { invitationId: supplier.id } })).toBe(0);
  });

  it("is not found when unknown; expired or withdrawn, it names the organisation and whom to contact", async () => {
    const { w, secret } = await sentRequest();
    expect(await code(resolveQuoteLink("x".repeat(43), meta))).toBe("NOT_FOUND");
    const late = new Date(Date.now() + 22 * DAY);
    await expect(resolveQuoteLink(secret, meta, "QUOTE_VIEWED", late)).rejects.toMatchObject({
      code: "LINK_EXPIRED",
      message: expect.stringContaining(`sent by ${w.organisation.name}; contact`),
    });
    await db.accessToken.updateMany({ where: { tokenHash: hashSecret(secret) }, data: { revokedAt: new Date() } });
    await expect(resolveQuoteLink(secret, meta)).rejects.toMatchObject({
      message: expect.stringContaining("withdrawn"),
    });
  });

  it("answers only its own invitation: another's id in the form is not found and changes nothing", async () => {
    const { invitations, supplier, secret } = await sentRequest();
    const bidder = await resolveQuoteLink(secret, meta);
    const other = invitations.find((i) => i.id !== supplier.id)!;
    expect(await code(answerQuote(bidder, answer(other.id), { submit: true }))).toBe("NOT_FOUND");
    expect(await code(declineQuote(bidder, { invitationId: other.id, reason: "Not ours" }))).toBe("NOT_FOUND");
    expect(await db.quoteRevision.count({ where: { invitationId: other.id } })).toBe(0);
    expect((await db.quoteInvitation.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("INVITED");
  });
});

describe("answering", () => {
  it("keeps a draft, then each submitted revision; the same submission twice is kept once; totals are the server's", async () => {
    const { supplier, secret } = await sentRequest();
    const bidder = await resolveQuoteLink(secret, meta);
    await answerQuote(bidder, answer(supplier.id, { lines: [] }), { submit: false });
    await answerQuote(bidder, answer(supplier.id), { submit: false });
    expect(await db.quoteRevision.count({ where: { invitationId: supplier.id } })).toBe(1);
    const first = await answerQuote(bidder, answer(supplier.id), { submit: true });
    expect(first.number).toBe(1);
    expect([first.net.toFixed(2), first.tax.toFixed(2), first.gross.toFixed(2)]).toEqual([
      "1541.25",
      "308.25",
      "1849.50",
    ]);
    expect((await answerQuote(bidder, answer(supplier.id), { submit: true })).id).toBe(first.id);
    const second = await answerQuote(bidder, answer(supplier.id, { comments: "Cheaper in spring" }), { submit: true });
    expect(second.number).toBe(2);
    const seen = await getBidderQuote(bidder);
    expect(seen.submitted.map((r) => r.number)).toEqual([2, 1]);
    expect(seen.submitted[1].lines.map((l) => l.description)).toEqual(["Strip and re-felt", "Labour"]);
  });

  it.each([
    ["a negative price", { unitPrice: "-1" }, "lines.0.unitPrice"],
    ["a zero quantity", { quantity: "0" }, "lines.0.quantity"],
    ["a quantity that is not a number", { quantity: "lots" }, "lines.0.quantity"],
    ["more decimals than pounds have", { unitPrice: "10.005" }, "lines.0.unitPrice"],
    ["a 10,001-character description", { description: "x".repeat(10_001) }, "lines.0.description"],
  ])("refuses %s beside its field", (_case, line, field) => {
    const parsed = quoteAnswerSchema("GBP").safeParse({
      invitationId: "c123456789012345678901234",
      lines: [{ description: "Work", quantity: "1", unitCode: "C62", unitPrice: "10.00", taxPercent: "20", ...line }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });

  it("refuses more than 200 lines, a 10,001-character comment, and a proposed date in the past", async () => {
    const many = Array.from({ length: MAX_QUOTE_LINES + 1 }, () => ({
      description: "Item",
      quantity: "1",
      unitCode: "C62",
      unitPrice: "1.00",
      taxPercent: "0",
    }));
    expect(quoteAnswerSchema("GBP").safeParse({ invitationId: "c123456789012345678901234", lines: many }).success).toBe(
      false,
    );
    expect(
      quoteAnswerSchema("GBP").safeParse({ invitationId: "c123456789012345678901234", comments: "x".repeat(10_001) })
        .success,
    ).toBe(false);
    const { supplier, secret } = await sentRequest();
    const bidder = await resolveQuoteLink(secret, meta);
    await expect(
      answerQuote(bidder, answer(supplier.id, { proposedDate: dayAhead(-2) }), { submit: true }),
    ).rejects.toMatchObject({
      fieldErrors: { proposedDate: ["The proposed date cannot be in the past"] },
    });
    expect(await db.quoteRevision.count({ where: { invitationId: supplier.id } })).toBe(0);
  });

  it("after the deadline an answer or a decline is refused and nothing changes", async () => {
    const { request, supplier, secret } = await sentRequest();
    const bidder = await resolveQuoteLink(secret, meta);
    const after = new Date(request.deadline.getTime() + 1000);
    expect(await code(answerQuote(bidder, answer(supplier.id), { submit: true }, after))).toBe("CONFLICT");
    expect(await code(declineQuote(bidder, { invitationId: supplier.id, reason: "Too late" }, after))).toBe("CONFLICT");
    expect(await db.quoteRevision.count({ where: { invitationId: supplier.id } })).toBe(0);
  });

  it("a contractor's office answers from the Desk; another company's invitation is not found", async () => {
    const { w, invitations } = await sentRequest();
    const own = invitations.find((i) => i.contractorCompanyId === w.company.id)!;
    const theirs = invitations.find((i) => i.contractorCompanyId === w.second.id)!;
    const bidder = await deskBidder(w.actors.office, own.id);
    await answerQuote(bidder, answer(own.id), { submit: true });
    expect(await code(deskBidder(w.actors.office, theirs.id))).toBe("NOT_FOUND");
    // A technician has no Desk to answer from.
    expect(await loadDeskActor((await createContractorPerson(db, w.company.id, "TECHNICIAN")).user.id)).toBeNull();
  });
});

describe("sealed answers", () => {
  it("before the deadline no price, line, date or comment is read for staff, on the timeline or in an email; after it, all are", async () => {
    const { w, request, supplier, secret } = await sentRequest();
    const bidder = await resolveQuoteLink(secret, meta);
    await answerQuote(
      bidder,
      answer(supplier.id, {
        lines: [{ description: "Sentinel work", quantity: "1", unitCode: "LS", unitPrice: SENTINEL, taxPercent: "0" }],
      }),
      { submit: true },
    );
    const sealed = await getQuoteRequest(w.actors.admin, request.id);
    expect(sealed.answersOpen).toBe(false);
    const seen = JSON.stringify(sealed);
    for (const text of [SENTINEL, "987,654.32", "987654.320", "Sentinel work", "Weather permitting"])
      expect(seen).not.toContain(text);
    expect(sealed.invitations.find((i) => i.id === supplier.id)!.answeredAt).not.toBeNull();
    const timeline = JSON.stringify(await db.timelineEvent.findMany({ where: { workOrderId: w.workOrder.id } }));
    const outbox = JSON.stringify(await db.emailOutbox.findMany({ where: { organisationId: w.organisation.id } }));
    for (const text of [SENTINEL, "987,654.32"]) {
      expect(timeline).not.toContain(text);
      expect(outbox).not.toContain(text);
    }

    const opened = await getQuoteRequest(w.actors.admin, request.id, new Date(request.deadline.getTime() + 1));
    expect(opened.answersOpen).toBe(true);
    expect(JSON.stringify(opened)).toContain("987654.32");
  });

  it("another organisation's staff get not found", async () => {
    const { request } = await sentRequest();
    const other = await createWorld(db);
    expect(await code(getQuoteRequest((await loadStaffActor(other.admin.id))!, request.id))).toBe("NOT_FOUND");
  });
});

describe("awarding", () => {
  async function answered() {
    const sent = await sentRequest();
    const { w, invitations, supplier, secret } = sent;
    const bySupplier = await resolveQuoteLink(secret, meta);
    await answerQuote(bySupplier, answer(supplier.id), { submit: true });
    const own = invitations.find((i) => i.contractorCompanyId === w.company.id)!;
    await answerQuote(
      await deskBidder(w.actors.office, own.id),
      answer(own.id, {
        lines: [{ description: "All in", quantity: "1", unitCode: "LS", unitPrice: "1999.99", taxPercent: "20" }],
      }),
      { submit: true },
    );
    const declined = invitations.find((i) => i.contractorCompanyId === w.second.id)!;
    await db.quoteInvitation.update({
      where: { id: declined.id },
      data: { status: "DECLINED", declineReason: "Busy" },
    });
    await db.site.update({ where: { id: w.site.id }, data: { accessDetails: "Key safe 1234" } });
    expect((await getBidderQuote(bySupplier)).request.workOrder.site.accessDetails).toBeNull();
    // Estimate lines before the award: one approved earlier, one draft.
    await db.estimateLine.createMany({
      data: [
        {
          organisationId: w.organisation.id,
          workOrderId: w.workOrder.id,
          position: 0,
          description: "Survey",
          quantity: "1",
          unitCode: "LS",
          unitPrice: "100.00",
          taxPercent: "20",
          approvedAt: new Date(),
        },
        {
          organisationId: w.organisation.id,
          workOrderId: w.workOrder.id,
          position: 1,
          description: "Draft guess",
          quantity: "1",
          unitCode: "LS",
          unitPrice: "5000.00",
          taxPercent: "20",
        },
      ],
    });
    return { ...sent, own, declined, after: new Date(sent.request.deadline.getTime() + 1000) };
  }

  it("awards one answer whole: the task, the approved estimate and its not-to-exceed, the supplier in the network, the right emails", async () => {
    const { w, request, supplier, own, declined, after, secret } = await answered();
    expect(await code(awardQuote(w.actors.coordinator, { invitationId: supplier.id, notify: "all" }, after))).toBe(
      "FORBIDDEN",
    );
    expect(await code(awardQuote(w.actors.manager, { invitationId: supplier.id, notify: "all" }))).toBe("CONFLICT");
    expect(await code(awardQuote(w.actors.manager, { invitationId: declined.id, notify: "all" }, after))).toBe(
      "CONFLICT",
    );

    const task = await awardQuote(w.actors.manager, { invitationId: supplier.id, notify: "all" }, after);
    expect(task.status).toBe("ACCEPTED");
    expect(task.plannedAt!.toISOString().slice(0, 10)).toBe(dayAhead(10));
    const lines = await db.estimateLine.findMany({
      where: { workOrderId: w.workOrder.id },
      orderBy: { position: "asc" },
    });
    expect(lines.map((l) => [l.description, l.approvedAt !== null])).toEqual([
      ["Survey", true],
      ["Strip and re-felt", true],
      ["Labour", true],
    ]);
    expect((await db.workOrder.findUniqueOrThrow({ where: { id: w.workOrder.id } })).notToExceed!.toFixed(2)).toBe(
      "1641.25",
    );
    const company = await db.contractorCompany.findUniqueOrThrow({ where: { id: task.contractorCompanyId } });
    expect(company.name).toBe("Rita's Roofing");
    expect(
      await db.networkLink.count({ where: { organisationId: w.organisation.id, contractorCompanyId: company.id } }),
    ).toBe(1);
    expect((await db.quoteRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("AWARDED");
    expect((await db.quoteInvitation.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("LOST");

    const won = await db.emailOutbox.findFirstOrThrow({ where: { to: supplier.email, template: "quote-awarded" } });
    expect(won.text).toContain("£1,849.50");
    const lost = await db.emailOutbox.findFirstOrThrow({ where: { to: own.email, template: "quote-not-awarded" } });
    expect(lost.text).toContain("your price was the 2nd lowest of 2");
    for (const secret of ["Rita", "1,849.50", "1849.5"]) expect(lost.text).not.toContain(secret);
    expect(await db.emailOutbox.count({ where: { to: declined.email, template: "quote-not-awarded" } })).toBe(0);

    expect(await code(awardQuote(w.actors.manager, { invitationId: own.id, notify: "all" }, after))).toBe("CONFLICT");
    // The winner's and the losers' links now read the request, read-only.
    const bidder = await resolveQuoteLink(secret, meta, "QUOTE_VIEWED", after);
    expect((await getBidderQuote(bidder, after)).readOnly).toBe("This request has been awarded.");
    expect((await getBidderQuote(bidder, after)).request.workOrder.site.accessDetails).toBe("Key safe 1234");
    const loser = await getBidderQuote(await deskBidder(w.actors.office, own.id), after);
    expect(loser.readOnly).toBe("This request has been awarded.");
    expect(loser.request.workOrder.site.accessDetails).toBeNull();
  });

  it("two managers awarding at once award once", async () => {
    const { w, supplier, own, after } = await answered();
    const results = await Promise.all([
      code(awardQuote(w.actors.manager, { invitationId: supplier.id, notify: "nobody" }, after)),
      code(awardQuote(w.actors.admin, { invitationId: own.id, notify: "nobody" }, after)),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await db.assignment.count({ where: { workOrderId: w.workOrder.id } })).toBe(1);
  });

  it("is refused while the work order has a live task", async () => {
    const { w, supplier, after } = await answered();
    await db.assignment.create({
      data: {
        organisationId: w.organisation.id,
        workOrderId: w.workOrder.id,
        contractorCompanyId: w.second.id,
        status: "OFFERED",
      },
    });
    await expect(
      awardQuote(w.actors.manager, { invitationId: supplier.id, notify: "all" }, after),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("withdraw that task"),
    });
  });
});

describe("changing a sent request", () => {
  it("a later deadline reaches every invitee and every link; an earlier one is refused; the same one twice changes once", async () => {
    const { w, request, invitations, secret } = await sentRequest();
    const local = (day: string) => ({ kind: "local" as const, clock: parseWallClock(`${day}T17:00`)! });
    const later = local(dayAhead(14));
    expect(
      await code(
        extendQuoteDeadline(w.actors.coordinator, { quoteRequestId: request.id, deadline: local(dayAhead(3)) }),
      ),
    ).toBe("INVALID_INPUT");
    const moved = await extendQuoteDeadline(w.actors.coordinator, { quoteRequestId: request.id, deadline: later });
    await extendQuoteDeadline(w.actors.coordinator, { quoteRequestId: request.id, deadline: later });
    const token = await db.accessToken.findFirstOrThrow({ where: { tokenHash: hashSecret(secret) } });
    expect(token.expiresAt.getTime()).toBe(moved.deadline.getTime() + 14 * DAY);
    expect(
      await db.emailOutbox.count({
        where: { template: "quote-request-changed", to: { in: invitations.map((i) => i.email) } },
      }),
    ).toBe(3);
    expect(
      await db.timelineEvent.count({ where: { workOrderId: w.workOrder.id, type: "quote.deadline_extended" } }),
    ).toBe(1);
  });

  it("cancelling emails every invitee the reason, turns the links read-only, and happens once", async () => {
    const { w, request, invitations, supplier, secret } = await sentRequest();
    await cancelQuoteRequest(w.actors.coordinator, { quoteRequestId: request.id, reason: "Budget withdrawn" });
    await cancelQuoteRequest(w.actors.coordinator, { quoteRequestId: request.id, reason: "Budget withdrawn" });
    const emails = await db.emailOutbox.findMany({
      where: { template: "quote-request-changed", to: { in: invitations.map((i) => i.email) } },
    });
    expect(emails).toHaveLength(3);
    expect(emails[0].text).toContain("Budget withdrawn");
    const bidder = await resolveQuoteLink(secret, meta);
    expect((await getBidderQuote(bidder)).readOnly).toBe("This request has been cancelled.");
    expect(await code(answerQuote(bidder, answer(supplier.id), { submit: true }))).toBe("CONFLICT");
  });
});
