import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { endSessionsOf } from "@/lib/auth/user-sessions";
import { assertDeskCan } from "@/lib/authz/permissions";
import { companyPeopleScope, onlyInCompanyUserScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { ZAddPersonSchema, ZResetPasswordSchema, ZUpdatePersonSchema } from "./schemas";

// A contractor company's admins manage its people: who works there and in which role.
export async function listCompanyPeople(actor: TDeskActor) {
  const people = await db.contractorPerson.findMany({
    where: companyPeopleScope(actor),
    include: {
      user: { select: { name: true, email: true, mobile: true, lastSignInAt: true, passwordHash: true } },
      contractorCompany: { select: { name: true } },
    },
    orderBy: [{ active: "desc" }, { user: { name: "asc" } }],
  });
  const resettable = await db.user.findMany({
    where: {
      OR: [...new Set(people.map((p) => p.contractorCompanyId))].map((companyId) => ({
        ...onlyInCompanyUserScope(companyId),
        id: { in: people.filter((p) => p.contractorCompanyId === companyId).map((p) => p.userId) },
      })),
    },
    select: { id: true },
  });
  return people.map(({ user: { passwordHash, ...user }, ...person }) => ({
    ...person,
    user,
    hasPassword: passwordHash !== null,
    // Only someone whose every role is in this company; a person who also works for
    // another company or organisation keeps their password whatever this admin does.
    passwordIsCompanys: person.userId !== actor.userId && resettable.some((u) => u.id === person.userId),
  }));
}

export async function addCompanyPerson(actor: TDeskActor, input: z.infer<typeof ZAddPersonSchema>) {
  assertDeskCan(actor, "company.manage", input.companyId);
  return db.$transaction(async (tx) => {
    const company = await tx.contractorCompany.findUniqueOrThrow({
      where: { id: input.companyId },
      select: { name: true },
    });
    const user =
      (await tx.user.findUnique({ where: { email: input.email } })) ??
      (await tx.user.create({ data: { email: input.email, name: input.name } }));
    const existing = await tx.contractorPerson.findUnique({
      where: { contractorCompanyId_userId: { contractorCompanyId: input.companyId, userId: user.id } },
    });
    if (existing)
      throw new AppError("CONFLICT", "This person already works for the company.", {
        email: ["Already in the company"],
      });
    const person = await tx.contractorPerson.create({
      data: { contractorCompanyId: input.companyId, userId: user.id, role: input.role },
    });
    const url = await createSignInLink(tx, user, { redirectTo: input.role === "TECHNICIAN" ? "/tech" : "/desk" });
    await enqueueEmail(tx, {
      to: user.email,
      template: "person-invited",
      data: { name: user.name, companyName: company.name, invitedBy: actor.name, url },
    });
    return person;
  });
}

// A new role or deactivation (of this company's role only) ends the person's sessions at
// once, so nothing they had open keeps its old reach.
export async function updateCompanyPerson(actor: TDeskActor, input: z.infer<typeof ZUpdatePersonSchema>) {
  return db.$transaction(async (tx) => {
    const person = await tx.contractorPerson.findFirst({ where: { ...companyPeopleScope(actor), id: input.personId } });
    if (!person) throw notFound("Person");
    if (person.userId === actor.userId && (!input.active || input.role !== "ADMIN")) {
      throw new AppError("CONFLICT", "You cannot remove your own admin role; ask another admin.");
    }
    if (person.role === input.role && person.active === input.active) return person;
    const updated = await tx.contractorPerson.update({
      where: { id: person.id },
      data: { role: input.role, active: input.active },
    });
    await endSessionsOf(tx, person.userId, input.active ? "role_changed" : "deactivated");
    return updated;
  });
}

// Clears a person's password, ends their sessions and emails them a sign-in link. Only for
// people whose every role is in this company.
export async function resetCompanyPersonPassword(actor: TDeskActor, input: z.infer<typeof ZResetPasswordSchema>) {
  return db.$transaction(async (tx) => {
    const person = await tx.contractorPerson.findFirst({
      where: { ...companyPeopleScope(actor), id: input.personId },
      include: { user: true, contractorCompany: { select: { name: true } } },
    });
    if (!person) throw notFound("Person");
    if (person.userId === actor.userId) throw new AppError("CONFLICT", "Change your own password in My preferences.");
    const onlyHere = await tx.user.count({
      where: { ...onlyInCompanyUserScope(person.contractorCompanyId), id: person.userId },
    });
    if (!onlyHere)
      throw forbidden(
        `${person.user.name} also works for another company or organisation, so only they can change their password.`,
      );
    if (!person.user.passwordHash)
      throw new AppError("CONFLICT", `${person.user.name} has no password to reset; they sign in by link.`);
    await tx.user.update({ where: { id: person.userId }, data: { passwordHash: null } });
    await endSessionsOf(tx, person.userId, "password_reset");
    const url = await createSignInLink(tx, person.user, { redirectTo: "/desk/preferences" });
    await enqueueEmail(tx, {
      to: person.user.email,
      template: "password-reset",
      data: { name: person.user.name, companyName: person.contractorCompany.name, resetBy: actor.name, url },
    });
    return { personId: person.id };
  });
}
