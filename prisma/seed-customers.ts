import type { PrismaClient } from "../generated/prisma/client";
import { hashSecret, newLinkSecret } from "../lib/auth/secrets";

const CUSTOMERS = [
  { name: "Priya Shah", email: "priya@harbour-lettings.test", company: "Harbour Lettings", mobile: "+44 7700 900101" },
  { name: "Owen Hughes", email: "owen.hughes@example.test", company: null, mobile: "+44 7700 900102" },
  { name: "Grace Lin", email: "grace@lin-estates.test", company: "Lin Estates", mobile: null },
];

const TERMS = `The approved lines are carried out at the prices shown, tax included in the total.
Work outside the approved lines needs your approval first.
Payment is due 30 days after the invoice date.`;

// The customer side of the demo: a customer on the first sites (their work orders name
// them), the organisation's terms and a 10 % markup, and one work order under way whose
// estimate waits for its customer: two lines decided, one with a question answered, one
// still open. Its estimate link is made here, so the demo can open it at once.
export async function seedCustomers(
  db: PrismaClient,
  org: { id: string },
  staff: { managerId: string; managerName: string },
  now: number,
) {
  await db.organisation.update({
    where: { id: org.id },
    data: { estimateTerms: TERMS, customerMarkupPercent: "10" },
  });
  const sites = await db.site.findMany({
    where: { organisationId: org.id },
    orderBy: { name: "asc" },
    take: CUSTOMERS.length,
  });
  for (const [index, site] of sites.entries()) {
    const contact = await db.contact.create({ data: { organisationId: org.id, ...CUSTOMERS[index] } });
    await db.siteContact.create({ data: { siteId: site.id, contactId: contact.id, role: "CUSTOMER" } });
    await db.workOrder.updateMany({ where: { siteId: site.id }, data: { customerContactId: contact.id } });
  }
  const workOrder = await db.workOrder.findFirst({
    where: { organisationId: org.id, siteId: { in: sites.map((site) => site.id) }, status: "IN_PROGRESS" },
    orderBy: { number: "desc" },
    include: { customerContact: true },
  });
  if (!workOrder?.customerContact) return null;
  const customer = workOrder.customerContact;
  const day = 86_400_000;
  const approvedAt = new Date(now - 2 * day);
  await db.estimateLine.deleteMany({ where: { workOrderId: workOrder.id } });
  const lines = [
    { description: "Labour: trace and repair the leak", quantity: "4", unitCode: "HUR", unitPrice: "55.00" },
    { description: "Replacement pipe section and fittings", quantity: "1", unitCode: "C62", unitPrice: "86.40" },
    { description: "Make good the ceiling after access", quantity: "1", unitCode: "C62", unitPrice: "140.00" },
  ];
  const created = [];
  for (const [position, line] of lines.entries())
    created.push(
      await db.estimateLine.create({
        data: {
          organisationId: org.id,
          workOrderId: workOrder.id,
          position,
          ...line,
          taxPercent: "20",
          createdById: staff.managerId,
          approvedAt,
          approvedById: staff.managerId,
          ...(position < 2 ? { decision: "APPROVED" as const, decidedAt: new Date(now - day) } : {}),
        },
      }),
    );
  await db.workOrder.update({ where: { id: workOrder.id }, data: { notToExceed: "446.40" } });
  await db.estimateLineComment.createMany({
    data: [
      {
        organisationId: org.id,
        workOrderId: workOrder.id,
        estimateLineId: created[2].id,
        author: "CUSTOMER",
        authorName: customer.email,
        body: "Will the ceiling be repainted too, or only filled?",
        createdAt: new Date(now - day),
      },
      {
        organisationId: org.id,
        workOrderId: workOrder.id,
        estimateLineId: created[2].id,
        author: "STAFF",
        authorName: `${staff.managerName}, Northwind Property Services`,
        userId: staff.managerId,
        body: "Filled and painted to match, in one visit.",
        createdAt: new Date(now - day / 2),
      },
    ],
  });
  const secret = newLinkSecret();
  await db.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "PORTAL",
      email: customer.email,
      recipientName: customer.name,
      organisationId: org.id,
      workOrderId: workOrder.id,
      scope: { workOrderId: workOrder.id, view: "estimate", ending: secret.slice(-4) },
      createdById: staff.managerId,
      expiresAt: new Date(now + 30 * day),
    },
  });
  return { workOrderNumber: workOrder.number, secret };
}
