import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { assertDeskCan, deskCompaniesAllowed } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, notFound } from "@/lib/errors";
import type { ZAddPersonSchema, ZUpdatePersonSchema } from "./schemas";

// A contractor company's admins manage its people: who works there and in which role.
export async function listCompanyPeople(actor: TDeskActor) {
  return db.contractorPerson.findMany({
    where: { contractorCompanyId: { in: deskCompaniesAllowed(actor, "company.manage") } },
    include: { user: { select: { name: true, email: true, mobile: true, lastSignInAt: true } }, contractorCompany: { select: { name: true } } },
    orderBy: [{ active: "desc" }, { user: { name: "asc" } }],
  });
}

export async function addCompanyPerson(actor: TDeskActor, input: z.infer<typeof ZAddPersonSchema>) {
  assertDeskCan(actor, "company.manage", input.companyId);
  return db.$transaction(async (tx) => {
    const company = await tx.contractorCompany.findUniqueOrThrow({ where: { id: input.companyId }, select: { name: true } });
    const user = (await tx.user.findUnique({ where: { email: input.email } })) ?? (await tx.user.create({ data: { email: input.email, name: input.name } }));
    const existing = await tx.contractorPerson.findUnique({ where: { contractorCompanyId_userId: { contractorCompanyId: input.companyId, userId: user.id } } });
    if (existing) throw new AppError("CONFLICT", "This person already works for the company.", { email: ["Already in the company"] });
    const person = await tx.contractorPerson.create({ data: { contractorCompanyId: input.companyId, userId: user.id, role: input.role } });
    const url = await createSignInLink(tx, user, { redirectTo: input.role === "TECHNICIAN" ? "/tech" : "/desk" });
    await enqueueEmail(tx, { to: user.email, template: "person-invited", data: { name: user.name, companyName: company.name, invitedBy: actor.name, url } });
    return person;
  });
}

export async function updateCompanyPerson(actor: TDeskActor, input: z.infer<typeof ZUpdatePersonSchema>) {
  const person = await db.contractorPerson.findFirst({ where: { id: input.personId, contractorCompanyId: { in: deskCompaniesAllowed(actor, "company.manage") } } });
  if (!person) throw notFound("Person");
  if (person.userId === actor.userId && (!input.active || input.role !== "ADMIN")) {
    throw new AppError("CONFLICT", "You cannot remove your own admin role; ask another admin.");
  }
  return db.contractorPerson.update({ where: { id: person.id }, data: { role: input.role, active: input.active } });
}
