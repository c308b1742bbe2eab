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
  return people.map(({ user: { passwordHash, ...user }, ...person }) => {
    // Invited, not yet accepted: the company sees the email and the name it typed, nothing
    // of the person's own account.
    if (person.acceptedAt === null)
      return {
        ...person,
        pending: true,
        user: { name: person.invitedName ?? user.email, email: user.email, mobile: null, lastSignInAt: null },
        hasPassword: false,
        passwordIsCompanys: false,
      };
    return {
      ...person,
      pending: false,
      user,
      hasPassword: passwordHash !== null,
      // Only someone whose every role is in this company; a person who also works for
      // another company or organisation keeps their password whatever this admin does.
      passwordIsCompanys: person.userId !== actor.userId && resettable.some((u) => u.id === person.userId),
    };
  });
}

// Someone new gets an account in the company at once. An email that already has an
// account (perhaps another organisation's admin) is invited instead: the person decides,
// and until they accept the row grants nothing and shows the company only what it typed.
export async function addCompanyPerson(actor: TDeskActor, input: z.infer<typeof ZAddPersonSchema>) {
  assertDeskCan(actor, "company.manage", input.companyId);
  return db.$transaction(async (tx) => {
    const company = await tx.contractorCompany.findUniqueOrThrow({
      where: { id: input.companyId },
      select: { name: true },
    });
    const known = await tx.user.findUnique({ where: { email: input.email } });
    const user = known ?? (await tx.user.create({ data: { email: input.email, name: input.name } }));
    const existing = await tx.contractorPerson.findUnique({
      where: { contractorCompanyId_userId: { contractorCompanyId: input.companyId, userId: user.id } },
    });
    if (existing)
      throw new AppError(
        "CONFLICT",
        existing.acceptedAt ? "This person already works for the company." : "This person has been invited already.",
        { email: [existing.acceptedAt ? "Already in the company" : "Invited already; waiting for them to accept"] },
      );
    if (known) {
      const invitation = await tx.contractorPerson.create({
        data: {
          contractorCompanyId: input.companyId,
          userId: user.id,
          role: input.role,
          active: false,
          invitedName: input.name,
          acceptedAt: null,
        },
      });
      const url = await createSignInLink(tx, user, { redirectTo: `/invitations/${invitation.id}` });
      await enqueueEmail(tx, {
        to: user.email,
        template: "person-invitation",
        data: { companyName: company.name, invitedBy: actor.name, role: ROLE_WORDS[input.role], url },
      });
      return invitation;
    }
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

const ROLE_WORDS = { ADMIN: "an admin", OFFICE: "office staff", TECHNICIAN: "a technician" } as const;

// A new role or deactivation (of this company's role only) ends the person's sessions at
// once, so nothing they had open keeps its old reach.
// A pending invitation keeps its role for when it is accepted; it cannot be activated for
// the person. Sessions end only where this company's role was the person's way in: someone
// who also works for another company or organisation keeps their sessions (what this
// company gave is re-read on their next request).
export async function updateCompanyPerson(actor: TDeskActor, input: z.infer<typeof ZUpdatePersonSchema>) {
  return db.$transaction(async (tx) => {
    const person = await tx.contractorPerson.findFirst({ where: { ...companyPeopleScope(actor), id: input.personId } });
    if (!person) throw notFound("Person");
    if (person.userId === actor.userId && (!input.active || input.role !== "ADMIN")) {
      throw new AppError("CONFLICT", "You cannot remove your own admin role; ask another admin.");
    }
    if (person.acceptedAt === null) {
      if (input.active)
        throw new AppError("CONFLICT", "They have not accepted the invitation yet.", {
          active: ["Waiting for them to accept"],
        });
      return tx.contractorPerson.update({ where: { id: person.id }, data: { role: input.role } });
    }
    if (person.role === input.role && person.active === input.active) return person;
    const updated = await tx.contractorPerson.update({
      where: { id: person.id },
      data: { role: input.role, active: input.active },
    });
    const otherWaysIn = await tx.user.count({
      where: {
        id: person.userId,
        OR: [{ memberships: { some: {} } }, { contractorPersons: { some: { active: true, id: { not: person.id } } } }],
      },
    });
    if (otherWaysIn === 0) await endSessionsOf(tx, person.userId, input.active ? "role_changed" : "deactivated");
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
