import type { PrismaClient } from "../generated/prisma/client";
import { createQuoteRequest } from "./factories";

type TCompany = { id: string; name: string; email: string };

// Two requests for quote in the demo: a plumbing job whose answers are in and ready to
// compare (the deadline passed yesterday), and a sealed electrical one still open, one
// bidder answered and an outside supplier's question waiting.
export async function seedQuotes(
  db: PrismaClient,
  org: { id: string },
  staff: { managerId: string },
  companies: { plumbing: TCompany; electrical: TCompany },
  now: number,
) {
  const day = 86_400_000;
  const openWork = async (trade: string) =>
    db.workOrder.findFirstOrThrow({
      where: { organisationId: org.id, status: "OPEN", assignments: { none: {} }, category: { name: trade } },
      orderBy: { number: "desc" },
    });
  const plumbing = await openWork("Plumbing");
  const compared = await createQuoteRequest(db, {
    organisationId: org.id,
    workOrderId: plumbing.id,
    deadline: new Date(now - day),
    bidders: [
      {
        contractorCompanyId: companies.plumbing.id,
        email: companies.plumbing.email,
        proposedInDays: 6,
        answer: [
          { description: "Replace the leaking stop valve", quantity: "1", unitPrice: "145.00" },
          { description: "Labour", quantity: "3", unitPrice: "55.00" },
          { description: "Flush and test the system", quantity: "1", unitPrice: "60.00" },
        ],
      },
      {
        supplierName: "Hana Harbour",
        supplierCompany: "Harbour Pipe Supplies",
        email: "hana@harbour-pipes.test",
        proposedInDays: 4,
        answer: [
          { description: "Replace the leaking stop valve", quantity: "1", unitPrice: "132.50" },
          { description: "Labour", quantity: "4", unitPrice: "48.00" },
        ],
      },
    ],
  });
  const electrical = await openWork("Electrical");
  const sealed = await createQuoteRequest(db, {
    organisationId: org.id,
    workOrderId: electrical.id,
    sealed: true,
    deadline: new Date(now + 3 * day),
    bidders: [
      {
        contractorCompanyId: companies.electrical.id,
        email: companies.electrical.email,
        answer: [{ description: "Rewire the distribution board", quantity: "1", unitPrice: "980.00" }],
      },
      { supplierName: "Lena Lumen", supplierCompany: "Lumen Electrical Wholesale", email: "lena@lumen.test" },
    ],
  });
  await db.quoteQuestion.create({
    data: {
      quoteRequestId: sealed.request.id,
      invitationId: sealed.invitations[1].id,
      question: "Is the board in a locked cupboard? We need to plan the isolation.",
    },
  });
  for (const request of [compared.request, sealed.request])
    await db.quoteRequest.update({ where: { id: request.id }, data: { createdById: staff.managerId } });
}
