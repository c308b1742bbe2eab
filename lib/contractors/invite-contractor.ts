import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError } from "@/lib/errors";
import type { ZInviteContractorSchema } from "./schemas";

// Brings a contractor company into the organisation's network. A company already on
// Fieldgate (its admin's address is known) joins as it is; otherwise it is created with
// that person as its admin. Either way the admin is emailed a sign-in link.
export async function inviteContractor(actor: TStaffActor, input: z.infer<typeof ZInviteContractorSchema>) {
  return db.$transaction(async (tx) => {
    const { company, alreadyInNetwork } = await joinNetwork(tx, actor, input);
    if (alreadyInNetwork)
      throw new AppError("CONFLICT", `${company.name} is already in your network.`, {
        adminEmail: ["Already in your network"],
      });
    return company;
  });
}

// The company of the admin at adminEmail (created, with that person, when there is none)
// joins the network, in the caller's transaction, and the admin is emailed a sign-in link;
// a company already in the network is left as it is.
export async function joinNetwork(
  tx: TTx,
  actor: TStaffActor,
  input: { companyName: string; adminName: string; adminEmail: string; trades?: string[] },
) {
  const existingAdmin = await tx.contractorPerson.findFirst({
    where: { role: "ADMIN", active: true, user: { email: input.adminEmail } },
    include: { user: true, contractorCompany: true },
  });
  const user =
    existingAdmin?.user ??
    (await tx.user.findUnique({ where: { email: input.adminEmail } })) ??
    (await tx.user.create({ data: { email: input.adminEmail, name: input.adminName } }));
  const company =
    existingAdmin?.contractorCompany ??
    (await tx.contractorCompany.create({
      data: {
        name: input.companyName,
        email: input.adminEmail,
        people: { create: { userId: user.id, role: "ADMIN" } },
      },
    }));
  const already = await tx.networkLink.findUnique({
    where: {
      organisationId_contractorCompanyId: { organisationId: actor.organisationId, contractorCompanyId: company.id },
    },
  });
  if (already) return { company, user, alreadyInNetwork: true };
  await tx.networkLink.create({
    data: {
      organisationId: actor.organisationId,
      contractorCompanyId: company.id,
      status: "ACTIVE",
      joinedAt: new Date(),
      trades: input.trades ?? [],
    },
  });
  const url = await createSignInLink(tx, user, { redirectTo: "/desk" });
  await enqueueEmail(tx, {
    to: user.email,
    organisationId: actor.organisationId,
    template: "contractor-invited",
    data: { name: user.name, clientName: actor.organisationName, companyName: company.name, url },
  });
  return { company, user, alreadyInNetwork: false };
}
