import { describe, expect, it } from "vitest";
import { loadDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createContractorPerson, createWorld } from "@/prisma/factories";
import { liveSession, startUserSession } from "@/lib/auth/user-sessions";
import { addCompanyPerson, listCompanyPeople, updateCompanyPerson } from "./company-people";
import { answerInvitation, getInvitation } from "./invitations";
import { ZPreferencesSchema } from "./schemas";
import { deliverLatestEmail } from "@/tests/deliver-email";

describe("company people", () => {
  it("admins add people (emailed a sign-in link), change roles and deactivate; deactivated people lose access", async () => {
    const world = await createWorld(db);
    const admin = await createContractorPerson(db, world.company.id, "ADMIN");
    const desk = (await loadDeskActor(admin.user.id))!;
    const email = `new-${Date.now()}@example.test`;
    const person = await addCompanyPerson(desk, {
      companyId: world.company.id,
      name: "New Tech",
      email,
      role: "TECHNICIAN",
    });
    const invite = await deliverLatestEmail(email, { template: "person-invited" });
    expect(invite.text).toMatch(/\/link\/[A-Za-z0-9_-]{43}/);
    await expect(
      addCompanyPerson(desk, { companyId: world.company.id, name: "New Tech", email, role: "OFFICE" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await updateCompanyPerson(desk, { personId: world.office.person.id, role: "OFFICE", active: false });
    expect(await loadDeskActor(world.office.user.id)).toBeNull();
    expect((await listCompanyPeople(desk)).map((p) => p.id)).toContain(person.id);
    await expect(
      updateCompanyPerson(desk, { personId: admin.person.id, role: "OFFICE", active: true }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an email that already has an account is invited: nothing is granted or shown until the person accepts", async () => {
    const world = await createWorld(db);
    const other = await createWorld(db);
    const admin = await createContractorPerson(db, world.company.id, "ADMIN");
    const desk = (await loadDeskActor(admin.user.id))!;
    // Another organisation's admin, with a live session there.
    const victim = other.admin;
    const session = await startUserSession(victim.id, { ip: "127.0.0.1", userAgent: null });
    const invitation = await addCompanyPerson(desk, {
      companyId: world.company.id,
      name: "Typed Name",
      email: victim.email,
      role: "ADMIN",
    });
    const email = await deliverLatestEmail(victim.email, { template: "person-invitation" });
    expect(email.subject).toBe(`${admin.user.name} invites you to join ${world.company.name} on Fieldgate`);
    expect(email.text).toMatch(/\/link\/[A-Za-z0-9_-]{43}/);

    // Until then: no role, no real name, no password, no sign-in time shown to the company.
    expect(await loadDeskActor(victim.id)).toBeNull();
    const row = (await listCompanyPeople(desk)).find((p) => p.id === invitation.id)!;
    expect(row).toMatchObject({
      pending: true,
      user: { name: "Typed Name", email: victim.email, lastSignInAt: null },
      hasPassword: false,
      passwordIsCompanys: false,
    });
    await expect(
      updateCompanyPerson(desk, { personId: invitation.id, role: "OFFICE", active: true }),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { active: ["Waiting for them to accept"] } });
    // Changing the invitation's role, as often as the admin likes, signs nobody out.
    for (const role of ["OFFICE", "TECHNICIAN", "ADMIN"] as const)
      await updateCompanyPerson(desk, { personId: invitation.id, role, active: false });
    expect(await liveSession(session, victim.id)).not.toBeNull();
    await expect(getInvitation(world.office.user.id, invitation.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The person accepts: the role works, and the company now sees their own name.
    expect(await getInvitation(victim.id, invitation.id)).toMatchObject({ role: "ADMIN" });
    expect(await answerInvitation(victim.id, { personId: invitation.id, answer: "accept" })).toEqual({
      accepted: true,
      role: "ADMIN",
    });
    await expect(answerInvitation(victim.id, { personId: invitation.id, answer: "decline" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await loadDeskActor(victim.id))?.companies.map((c) => c.companyId)).toEqual([world.company.id]);
    expect((await listCompanyPeople(desk)).find((p) => p.id === invitation.id)?.user.name).toBe(victim.name);
    // A change in this company no longer ends the sessions of someone with another way in.
    await updateCompanyPerson(desk, { personId: invitation.id, role: "OFFICE", active: false });
    expect(await liveSession(session, victim.id)).not.toBeNull();
    expect(await loadDeskActor(victim.id)).toBeNull();
  });

  it("a declined invitation is gone; someone whose only way in is the company is signed out when deactivated", async () => {
    const world = await createWorld(db);
    const other = await createWorld(db);
    const admin = await createContractorPerson(db, world.company.id, "ADMIN");
    const desk = (await loadDeskActor(admin.user.id))!;
    const invitation = await addCompanyPerson(desk, {
      companyId: world.company.id,
      name: "Someone",
      email: other.technician.user.email,
      role: "TECHNICIAN",
    });
    await answerInvitation(other.technician.user.id, { personId: invitation.id, answer: "decline" });
    expect(await db.contractorPerson.findUnique({ where: { id: invitation.id } })).toBeNull();

    const session = await startUserSession(world.technician.user.id, { ip: "127.0.0.1", userAgent: null });
    await updateCompanyPerson(desk, { personId: world.technician.person.id, role: "TECHNICIAN", active: false });
    expect(await liveSession(session, world.technician.user.id)).toBeNull();
  });

  it("office people and other companies' admins cannot manage people", async () => {
    const world = await createWorld(db);
    const other = await createWorld(db);
    const office = (await loadDeskActor(world.office.user.id))!;
    await expect(
      addCompanyPerson(office, { companyId: world.company.id, name: "X Y", email: "x@example.test", role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const otherAdmin = await createContractorPerson(db, other.company.id, "ADMIN");
    const otherDesk = (await loadDeskActor(otherAdmin.user.id))!;
    await expect(
      addCompanyPerson(otherDesk, { companyId: world.company.id, name: "X Y", email: "x@example.test", role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateCompanyPerson(otherDesk, { personId: world.technician.person.id, role: "ADMIN", active: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.contractorPerson.findUniqueOrThrow({ where: { id: world.technician.person.id } })).role).toBe(
      "TECHNICIAN",
    );
  });

  it("accepts signature_pad SVG and refuses scripted SVG", () => {
    const ok = ZPreferencesSchema.safeParse({
      mobile: "+44 7700 900123",
      signatureSvg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M1 1 L2 2"/></svg>',
    });
    expect(ok.success).toBe(true);
    for (const bad of [
      '<svg onload="alert(1)"></svg>',
      "<svg><script>alert(1)</script></svg>",
      '<svg><a href="javascript:x">',
      "hello",
    ]) {
      expect(ZPreferencesSchema.safeParse({ mobile: "", signatureSvg: bad }).success).toBe(false);
    }
    expect(ZPreferencesSchema.safeParse({ mobile: "call me", signatureSvg: "" }).success).toBe(false);
    // Texts need a number to go to.
    expect(ZPreferencesSchema.safeParse({ mobile: "", smsConsent: "on", signatureSvg: "" }).error?.issues).toEqual([
      expect.objectContaining({ path: ["mobile"], message: "Enter your mobile number to get texts" }),
    ]);
    expect(ZPreferencesSchema.parse({ mobile: "07700 900123", smsConsent: "on", signatureSvg: "" })).toMatchObject({
      smsConsent: true,
    });
  });
});
