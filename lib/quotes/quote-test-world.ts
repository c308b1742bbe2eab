import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createContractorCompany, createStaffUser, createWorld } from "@/prisma/factories";
import { deliverLatestEmail, linkSecretIn } from "@/tests/deliver-email";
import { createQuoteRequest } from "./create-quote-request";
import { quoteAnswerSchema, ZQuoteRequestSchema } from "./schemas";

// The integration tests' world for requests for quote: an organisation with an admin, a
// manager and a coordinator, two network companies and helpers for a request and answers.
export const DAY = 86_400_000;
export const meta = { ip: "203.0.113.9", userAgent: "mail scanner" };
export const SENTINEL = "987654.32";

// A day on the forms' clock (the site's, London here), so many days from now.
export const dayAhead = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export async function world() {
  const w = await createWorld(db);
  const manager = await createStaffUser(db, w.organisation.id, "MANAGER");
  const actors = {
    admin: (await loadStaffActor(w.admin.id))!,
    manager: (await loadStaffActor(manager.id))!,
    coordinator: (await loadStaffActor(w.coordinator.id))!,
    office: (await loadDeskActor(w.office.user.id))!,
  };
  const second = await createContractorCompany(db, [w.organisation.id], { name: `Second Co ${Date.now()}` });
  return { ...w, actors, second };
}

export const input = (w: Awaited<ReturnType<typeof world>>, extra: Record<string, unknown> = {}) =>
  ZQuoteRequestSchema.parse({
    workOrderId: w.workOrder.id,
    scope: "Replace the flat roof membrane",
    requirements: "Method statement with the quote",
    deadline: `${dayAhead(7)}T17:00`,
    sealed: "on",
    contractorCompanyIds: [w.company.id, w.second.id],
    suppliers: [{ name: "Rita Roofer", company: "Rita's Roofing", email: `rita-${Date.now()}@example.test` }],
    ...extra,
  });

export const answer = (invitationId: string, extra: Record<string, unknown> = {}) =>
  quoteAnswerSchema("GBP").parse({
    invitationId,
    lines: [
      { description: "Strip and re-felt", quantity: "1", unitCode: "LS", unitPrice: "1200.00", taxPercent: "20" },
      { description: "Labour", quantity: "7.5", unitCode: "HUR", unitPrice: "45.50", taxPercent: "20" },
    ],
    proposedDate: dayAhead(10),
    validUntil: dayAhead(40),
    comments: "Weather permitting",
    ...extra,
  });

export const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );

export async function sentRequest() {
  const w = await world();
  const request = await createQuoteRequest(w.actors.coordinator, input(w), { send: true });
  const invitations = await db.quoteInvitation.findMany({
    where: { quoteRequestId: request.id },
    orderBy: { createdAt: "asc" },
  });
  const supplier = invitations.find((i) => !i.contractorCompanyId)!;
  const secret = linkSecretIn(await deliverLatestEmail(supplier.email));
  return { w, request, invitations, supplier, secret };
}
