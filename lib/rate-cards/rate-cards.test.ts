import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createContractorPerson, createWorld } from "@/prisma/factories";
import { answerRateCard } from "./answer-rate-card";
import { findRateCardInForce } from "./find-rate-card-in-force";
import { listRateCards } from "./list-rate-cards";
import { proposeRateCard } from "./propose-rate-card";
import { ZProposeRateCardSchema } from "./schemas";

async function setUp() {
  const world = await createWorld(db);
  const staff = (await loadStaffActor(world.admin.id))!;
  const admin = await createContractorPerson(db, world.company.id, "ADMIN");
  const deskAdmin = (await loadDeskActor(admin.user.id))!;
  const office = (await loadDeskActor(world.office.user.id))!;
  return { world, staff, deskAdmin, office, deskAdminEmail: admin.user.email };
}

const subjectsTo = async (to: string) =>
  (await db.emailOutbox.findMany({ where: { to, template: "rate-card-news" }, orderBy: { createdAt: "asc" } })).map(
    (e) => e.subject,
  );

const terms = (partyId: string, fields: Record<string, string> = {}) =>
  ZProposeRateCardSchema.parse({
    partyId,
    normalRate: "85",
    overtimeRate: "127.50",
    calloutRate: "110",
    travelRate: "40",
    calloutFee: "60",
    materialMarkupPercent: "15",
    validFrom: "2026-01-01",
    validTo: "",
    ...fields,
  });

describe("negotiating rate cards", () => {
  it("staff propose, the contractor counters, staff accept: only the accepted version is in force, every version kept", async () => {
    const { world, staff, deskAdmin, deskAdminEmail } = await setUp();
    const pair = { organisationId: world.organisation.id, contractorCompanyId: world.company.id, categoryId: null };
    const first = await proposeRateCard(staff, terms(world.company.id));
    expect(first).toMatchObject({ version: 1, status: "PROPOSED", proposedBy: "client", currency: "GBP" });
    expect(await findRateCardInForce({ ...pair, workDay: "2026-03-01" })).toBeNull();

    // The author cannot accept their own proposal.
    await expect(answerRateCard(staff, { rateCardId: first.id, decision: "accept" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const counter = await proposeRateCard(
      deskAdmin,
      terms(world.organisation.id, { normalRate: "92", answersId: first.id }),
    );
    expect(counter).toMatchObject({ version: 2, proposedBy: "contractor", answersId: first.id });
    const [accepted, again] = await Promise.all([
      answerRateCard(staff, { rateCardId: counter.id, decision: "accept" }),
      answerRateCard(staff, { rateCardId: counter.id, decision: "accept" }),
    ]);
    expect([accepted.status, again.status]).toEqual(["ACCEPTED", "ACCEPTED"]);
    // Each step is told to the other side's negotiators once: the contractor's admin, not
    // its office; the client's admin.
    const clientName = world.organisation.name;
    expect(await subjectsTo(deskAdminEmail)).toEqual([
      `${clientName} proposes rate card version 1`,
      `${clientName} accepted rate card version 2: it is in force`,
    ]);
    expect(await subjectsTo(world.admin.email)).toEqual([
      `${world.company.name} answers your terms with rate card version 2`,
    ]);
    expect(await subjectsTo(world.office.user.email)).toEqual([]);
    const proposal = await db.emailOutbox.findFirstOrThrow({
      where: { to: deskAdminEmail, template: "rate-card-news" },
    });
    expect(proposal.text).toContain("Per hour: normal £85.00, overtime £127.50, call-out £110.00, travel £40.00");
    expect(proposal.text).toContain("Call-out fee £60.00, material markup 15 %");
    expect(proposal.text).toContain("/desk/company/rates");
    await expect(answerRateCard(staff, { rateCardId: counter.id, decision: "reject" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const inForce = await findRateCardInForce({ ...pair, workDay: "2026-03-01" });
    expect(inForce?.id).toBe(counter.id);
    expect(inForce?.normalRate.toFixed(2)).toBe("92.00");
    expect(await findRateCardInForce({ ...pair, workDay: "2025-12-31" })).toBeNull();
    expect((await listRateCards(staff, world.company.id)).map((c) => [c.version, c.status])).toEqual([
      [2, "ACCEPTED"],
      [1, "COUNTERED"],
    ]);

    // A change is a new version; from its first day it applies, before it the old one does.
    const rise = await proposeRateCard(
      deskAdmin,
      terms(world.organisation.id, { normalRate: "95", validFrom: "2026-07-01" }),
    );
    await answerRateCard(staff, { rateCardId: rise.id, decision: "accept" });
    expect((await findRateCardInForce({ ...pair, workDay: "2026-06-30" }))?.version).toBe(2);
    expect((await findRateCardInForce({ ...pair, workDay: "2026-07-01" }))?.version).toBe(3);
  });

  it("refuses bad terms with a message per field, and records nothing", async () => {
    const { world, staff } = await setUp();
    const errors = (fields: Record<string, string>) =>
      ZProposeRateCardSchema.safeParse({
        ...terms(world.company.id),
        validFrom: "2026-01-01",
        validTo: "",
        ...fields,
      }).error?.flatten().fieldErrors;
    expect(errors({ normalRate: "" })?.normalRate).toEqual(["Enter the normal hourly rate"]);
    expect(errors({ overtimeRate: "-4" })?.overtimeRate).toEqual(["An amount cannot be negative"]);
    expect(errors({ materialMarkupPercent: "abc" })?.materialMarkupPercent).toEqual([
      "Enter a markup such as 15 or 12.5",
    ]);
    expect(errors({ validTo: "2025-12-31" })?.validTo).toEqual(["The last day cannot be before the first"]);
    await db.organisation.update({ where: { id: world.organisation.id }, data: { currency: "JPY" } });
    await expect(proposeRateCard(staff, terms(world.company.id, { normalRate: "8500.5" }))).rejects.toMatchObject({
      fieldErrors: { normalRate: ["JPY has no decimals"] },
    });
    expect(await db.rateCard.count({ where: { organisationId: world.organisation.id } })).toBe(0);
  });

  it("a contractor sees only its own cards, its office reads but does not agree them, and strangers reach nothing", async () => {
    const { world, staff, office } = await setUp();
    const card = await proposeRateCard(staff, terms(world.company.id));
    expect((await listRateCards(office, world.organisation.id)).map((c) => c.id)).toEqual([card.id]);
    await expect(answerRateCard(office, { rateCardId: card.id, decision: "accept" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(proposeRateCard(office, terms(world.organisation.id))).rejects.toMatchObject({ code: "NOT_FOUND" });

    const other = await setUp();
    expect(await listRateCards(other.staff, world.company.id)).toEqual([]);
    expect(await listRateCards(other.office, world.organisation.id)).toEqual([]);
    await expect(answerRateCard(other.staff, { rateCardId: card.id, decision: "accept" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(answerRateCard(other.deskAdmin, { rateCardId: card.id, decision: "accept" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Staff cannot propose to a company outside their network.
    await expect(proposeRateCard(staff, terms(other.world.company.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.rateCard.findUniqueOrThrow({ where: { id: card.id } })).status).toBe("PROPOSED");
  });
});
