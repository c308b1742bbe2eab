import { randomBytes } from "node:crypto";
import type { AssignmentStatus, ContractorRole, Priority, PrismaClient, StaffRole } from "../generated/prisma/client";
import { hashPassword, hashSecret, newLinkSecret } from "../lib/auth/secrets";
import { sumLines } from "../lib/money/sum-lines";

// Builders shared by the demo seed and the tests: each creates valid rows with sensible
// defaults, and unique names so tests never collide with each other's data.

export const newId = () => `c${randomBytes(15).toString("hex").slice(0, 24)}`;
const unique = () => randomBytes(4).toString("hex");

export async function createOrganisation(
  db: PrismaClient,
  data: { name?: string; slug?: string; currency?: string; timezone?: string } = {},
) {
  const suffix = unique();
  return db.organisation.create({
    data: {
      name: data.name ?? `Org ${suffix}`,
      slug: data.slug ?? `org-${suffix}`,
      ...(data.currency ? { currency: data.currency } : {}),
      ...(data.timezone ? { timezone: data.timezone } : {}),
    },
  });
}

export async function createUser(
  db: PrismaClient,
  data: {
    name?: string;
    email?: string;
    password?: string;
    isDemo?: boolean;
    mobile?: string;
    lastSignInAt?: Date;
  } = {},
) {
  const suffix = unique();
  return db.user.create({
    data: {
      name: data.name ?? `Person ${suffix}`,
      email: (data.email ?? `person-${suffix}@example.test`).toLowerCase(),
      passwordHash: data.password ? await hashPassword(data.password) : null,
      isDemo: data.isDemo ?? false,
      mobile: data.mobile,
      lastSignInAt: data.lastSignInAt,
    },
  });
}

export async function createStaffUser(
  db: PrismaClient,
  organisationId: string,
  role: StaffRole,
  data: Parameters<typeof createUser>[1] = {},
) {
  const user = await createUser(db, data);
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return user;
}

export async function createContractorCompany(
  db: PrismaClient,
  organisationIds: string[],
  data: { name?: string; email?: string; trades?: string[] } = {},
) {
  const suffix = unique();
  return db.contractorCompany.create({
    data: {
      name: data.name ?? `Contractor ${suffix}`,
      email: data.email ?? `office-${suffix}@contractor.test`,
      network: {
        create: organisationIds.map((organisationId) => ({
          organisationId,
          status: "ACTIVE" as const,
          joinedAt: new Date(),
          trades: data.trades ?? [],
        })),
      },
    },
  });
}

export async function createContractorPerson(
  db: PrismaClient,
  contractorCompanyId: string,
  role: ContractorRole,
  data: Parameters<typeof createUser>[1] = {},
) {
  const user = await createUser(db, data);
  const person = await db.contractorPerson.create({ data: { contractorCompanyId, userId: user.id, role } });
  return { user, person };
}

export async function createAccreditation(
  db: PrismaClient,
  data: { contractorCompanyId: string; personId?: string; type: string; expiresAt: Date; reference?: string },
) {
  return db.accreditation.create({ data });
}

// A trade of the organisation that requires these documents (each created in the
// organisation's list of document types if it is not there yet).
export async function createTrade(
  db: PrismaClient,
  organisationId: string,
  data: { name?: string; requires?: string[] } = {},
) {
  const documents = [];
  for (const name of data.requires ?? [])
    documents.push(
      await db.documentType.upsert({
        where: { organisationId_name: { organisationId, name } },
        create: { organisationId, name },
        update: {},
      }),
    );
  return db.category.create({
    data: {
      organisationId,
      name: data.name ?? `Trade ${unique()}`,
      requirements: { create: documents.map((d) => ({ documentTypeId: d.id })) },
    },
  });
}

export async function createAsset(
  db: PrismaClient,
  site: { id: string; organisationId: string },
  data: { name?: string; serialNumber?: string } = {},
) {
  return db.asset.create({
    data: {
      organisationId: site.organisationId,
      siteId: site.id,
      name: data.name ?? `Boiler ${unique()}`,
      kind: "Boiler",
      serialNumber: data.serialNumber,
    },
  });
}

export async function createSite(
  db: PrismaClient,
  organisationId: string,
  data: { name?: string; city?: string; accessDetails?: string } = {},
) {
  const suffix = unique();
  return db.site.create({
    data: {
      organisationId,
      name: data.name ?? `Site ${suffix}`,
      addressLine1: `${Number.parseInt(suffix.slice(0, 2), 16)} High Street`,
      city: data.city ?? "Leeds",
      postcode: "LS1 4AP",
      accessDetails: data.accessDetails ?? "Key safe by the side gate, code 4821",
    },
  });
}

export async function createWorkOrder(
  db: PrismaClient,
  data: {
    organisationId: string;
    siteId: string;
    title?: string;
    priority?: Priority;
    categoryId?: string;
    createdAt?: Date;
  },
) {
  const { lastWorkOrderNumber: number } = await db.organisation.update({
    where: { id: data.organisationId },
    data: { lastWorkOrderNumber: { increment: 1 } },
  });
  return db.workOrder.create({
    data: {
      organisationId: data.organisationId,
      siteId: data.siteId,
      number,
      title: data.title ?? `Work order ${number}`,
      priority: data.priority ?? "NORMAL",
      categoryId: data.categoryId,
      createdAt: data.createdAt,
    },
  });
}

export async function createAssignment(
  db: PrismaClient,
  data: {
    workOrderId: string;
    contractorCompanyId: string;
    status?: AssignmentStatus;
    technicianIds?: string[];
    offeredAt?: Date;
  },
) {
  const workOrder = await db.workOrder.findUniqueOrThrow({ where: { id: data.workOrderId } });
  const assignment = await db.assignment.create({
    data: {
      organisationId: workOrder.organisationId,
      workOrderId: workOrder.id,
      contractorCompanyId: data.contractorCompanyId,
      status: data.status ?? "OFFERED",
      offeredAt: data.offeredAt,
      technicians: data.technicianIds ? { create: data.technicianIds.map((personId) => ({ personId })) } : undefined,
    },
  });
  // An offer waits for its answer on the work order too, as offering a task records it.
  if (assignment.status === "OFFERED")
    await db.workOrder.update({ where: { id: workOrder.id }, data: { offerWaitingSince: assignment.offeredAt } });
  return assignment;
}

// A typical procedure: a pass/fail check, a reading with an allowed range, a text answer.
export async function createServiceTasks(db: PrismaClient, workOrder: { id: string; organisationId: string }) {
  const rows = [
    { title: "Flue gas analysis", kind: "CHECK" as const, photoRequired: false },
    { title: "Burner pressure", kind: "READING" as const, unit: "mbar", minValue: 9, maxValue: 11 },
    { title: "Condition of the pipework", kind: "TEXT" as const },
  ];
  return Promise.all(
    rows.map((row, position) =>
      db.serviceTask.create({
        data: { ...row, position, organisationId: workOrder.organisationId, workOrderId: workOrder.id },
      }),
    ),
  );
}

// A whole small world for one test: an organisation with staff, a contractor company in
// its network with an office person and a technician, a site and a work order.
export async function createWorld(db: PrismaClient) {
  const organisation = await createOrganisation(db);
  const admin = await createStaffUser(db, organisation.id, "ADMIN", { password: "correct horse battery staple" });
  const coordinator = await createStaffUser(db, organisation.id, "COORDINATOR");
  const company = await createContractorCompany(db, [organisation.id]);
  const office = await createContractorPerson(db, company.id, "OFFICE");
  const technician = await createContractorPerson(db, company.id, "TECHNICIAN");
  const site = await createSite(db, organisation.id);
  const workOrder = await createWorkOrder(db, { organisationId: organisation.id, siteId: site.id });
  return { organisation, admin, coordinator, company, office, technician, site, workOrder };
}

// A customer's link to one work order in one view (progress unless given), as staff send
// it: the secret for /l/….
export async function createPortalLink(
  db: PrismaClient,
  data: {
    organisationId: string;
    workOrderId: string;
    email?: string;
    expiresAt?: Date;
    view?: "work_authorization" | "estimate" | "progress" | "invoice";
    // The staff member who sent it: the customer's contact on the page.
    createdById?: string;
  },
): Promise<{ secret: string; tokenId: string }> {
  const secret = newLinkSecret();
  const token = await db.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "PORTAL",
      email: data.email ?? "customer@example.test",
      organisationId: data.organisationId,
      workOrderId: data.workOrderId,
      scope: { workOrderId: data.workOrderId, view: data.view ?? "progress", ending: secret.slice(-4) },
      createdById: data.createdById,
      expiresAt: data.expiresAt ?? new Date(Date.now() + 48 * 3_600_000),
    },
  });
  return { secret, tokenId: token.id };
}

type TQuoteBidder =
  { contractorCompanyId: string; email: string } | { supplierName: string; supplierCompany?: string; email: string };
type TQuoteAnswerLine = { description: string; quantity: string; unitPrice: string; taxPercent?: string };

// A sent request for quote on a work order, one invitation per bidder, each answered with
// the lines given (priced by lib/money, as an answer is) or left silent (no lines).
export async function createQuoteRequest(
  db: PrismaClient,
  data: {
    organisationId: string;
    workOrderId: string;
    bidders: (TQuoteBidder & { answer?: TQuoteAnswerLine[]; proposedInDays?: number })[];
    deadline?: Date;
    sealed?: boolean;
    currency?: string;
  },
) {
  const currency = data.currency ?? "GBP";
  const request = await db.quoteRequest.create({
    data: {
      organisationId: data.organisationId,
      workOrderId: data.workOrderId,
      status: "OPEN",
      scope: "Supply and fit the parts described, making good afterwards.",
      deadline: data.deadline ?? new Date(Date.now() + 3 * 86_400_000),
      sealed: data.sealed ?? false,
      sentAt: new Date(),
    },
  });
  const invitations = [];
  for (const bidder of data.bidders) {
    const { answer, proposedInDays, ...who } = bidder;
    const invitation = await db.quoteInvitation.create({
      data: { organisationId: data.organisationId, quoteRequestId: request.id, ...who },
    });
    if (answer?.length) {
      const totals = sumLines(
        answer.map((l) => ({ ...l, taxPercent: l.taxPercent ?? "20" })),
        currency,
      );
      const day = new Date(Date.now() + (proposedInDays ?? 7) * 86_400_000);
      await db.quoteRevision.create({
        data: {
          invitationId: invitation.id,
          number: 1,
          requestVersion: request.version,
          proposedDate: new Date(day.toISOString().slice(0, 10)),
          currency,
          net: totals.net.toString(),
          tax: totals.tax.toString(),
          gross: totals.gross.toString(),
          submittedAt: new Date(),
          submittedBy: who.email,
          lines: {
            create: answer.map((line, position) => ({
              position,
              description: line.description,
              quantity: line.quantity,
              unitCode: "C62",
              unitPrice: line.unitPrice,
              taxPercent: line.taxPercent ?? "20",
            })),
          },
        },
      });
      await db.quoteInvitation.update({ where: { id: invitation.id }, data: { answeredAt: new Date() } });
    }
    invitations.push(invitation);
  }
  return { request, invitations };
}

// A bidder's emailed link to its invitation: the secret for /q/….
export async function createQuoteLink(
  db: PrismaClient,
  data: { organisationId: string; invitationId: string; email: string; expiresAt?: Date },
): Promise<string> {
  const secret = newLinkSecret();
  await db.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "QUOTE",
      email: data.email,
      organisationId: data.organisationId,
      scope: { invitationId: data.invitationId },
      expiresAt: data.expiresAt ?? new Date(Date.now() + 17 * 86_400_000),
    },
  });
  return secret;
}

// A tenant's request through a site's form, with two times from tomorrow on, and the
// tenant's link to it: the secret for /r/….
export async function createTenantRequest(
  db: PrismaClient,
  data: { organisationId: string; siteId: string; workOrderId?: string; email?: string },
): Promise<{ requestId: string; secret: string }> {
  const email = data.email ?? `tenant-${unique()}@example.test`;
  const contact = await db.contact.create({
    data: {
      organisationId: data.organisationId,
      name: "Tess Tenant",
      email,
      mobile: "+44 7700 900456",
      smsConsent: true,
    },
  });
  const day = 86_400_000;
  const start = Math.ceil(Date.now() / day) * day + day + 9 * 3_600_000;
  const request = await db.tenantRequest.create({
    data: {
      organisationId: data.organisationId,
      siteId: data.siteId,
      workOrderId: data.workOrderId,
      contactId: contact.id,
      state: data.workOrderId ? "OPEN" : "UNMATCHED",
      typedAddress: data.workOrderId ? null : "12 Acacia Avenue",
      description: "The kitchen tap drips all night.",
      permissionToEnter: false,
      accessNotes: "A friendly dog",
      timezone: "Europe/London",
      windows: {
        create: [
          { startsAt: new Date(start), endsAt: new Date(start + 3 * 3_600_000) },
          { startsAt: new Date(start + day), endsAt: new Date(start + day + 3 * 3_600_000) },
        ],
      },
    },
  });
  const secret = newLinkSecret();
  await db.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "TENANT_REQUEST",
      email,
      organisationId: data.organisationId,
      scope: { tenantRequestId: request.id },
      expiresAt: new Date(Date.now() + 90 * day),
    },
  });
  return { requestId: request.id, secret };
}
