import { describe, expect, it } from "vitest";
import { loadDeskActor } from "@/lib/auth/actor";
import { authenticateWithPassword } from "@/lib/auth/password-sign-in";
import { verifyPassword } from "@/lib/auth/secrets";
import type { TCurrentSession } from "@/lib/auth/session";
import { liveSession, startUserSession } from "@/lib/auth/user-sessions";
import { db } from "@/lib/db";
import {
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createStaffUser,
  createWorld,
} from "@/prisma/factories";
import { deliverLatestEmail } from "@/tests/deliver-email";
import { resetCompanyPersonPassword, listCompanyPeople, updateCompanyPerson } from "./company-people";
import { ZSetOwnPasswordSchema } from "./schemas";
import { setOwnPassword } from "./set-own-password";

const meta = () => ({
  ip: `10.93.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  userAgent: "vitest",
});

async function sessionOf(userId: string, minutesAgo = 0): Promise<TCurrentSession> {
  const sessionId = await startUserSession(userId, meta());
  const startedAt = new Date(Date.now() - minutesAgo * 60_000);
  await db.userSession.update({ where: { id: sessionId }, data: { createdAt: startedAt } });
  return { userId, sessionId, startedAt };
}

const isLive = async (session: TCurrentSession) => (await liveSession(session.sessionId, session.userId)) !== null;
const input = (fields: Record<string, string>) => ZSetOwnPasswordSchema.parse(fields);

describe("a desk person's own password", () => {
  it("can be set within 10 minutes of signing in, then signs them in, and ends their other sessions but not this one", async () => {
    const world = await createWorld(db);
    const here = await sessionOf(world.office.user.id, 2);
    const elsewhere = await sessionOf(world.office.user.id, 60);
    const result = await setOwnPassword(
      here,
      input({ newPassword: "a long new passphrase", confirmPassword: "a long new passphrase" }),
    );
    expect(result.endedSessions).toBe(1);
    expect(await isLive(here)).toBe(true);
    expect(await isLive(elsewhere)).toBe(false);
    expect(
      await authenticateWithPassword({ email: world.office.user.email, password: "a long new passphrase" }, meta()),
    ).toEqual({ userId: world.office.user.id });
  });

  it("later needs the current password, and a wrong one changes nothing", async () => {
    const world = await createWorld(db);
    await setOwnPassword(
      await sessionOf(world.office.user.id, 1),
      input({ newPassword: "first passphrase here", confirmPassword: "first passphrase here" }),
    );
    const old = await sessionOf(world.office.user.id, 45);
    await expect(
      setOwnPassword(old, input({ newPassword: "second passphrase here", confirmPassword: "second passphrase here" })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: { currentPassword: [expect.stringContaining("current password")] },
    });
    await expect(
      setOwnPassword(
        old,
        input({
          currentPassword: "not it at all",
          newPassword: "second passphrase here",
          confirmPassword: "second passphrase here",
        }),
      ),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { currentPassword: ["That is not your current password"] },
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: world.office.user.id } });
    expect(await verifyPassword("first passphrase here", user.passwordHash!)).toBe(true);
    await setOwnPassword(
      old,
      input({
        currentPassword: "first passphrase here",
        newPassword: "second passphrase here",
        confirmPassword: "second passphrase here",
      }),
    );
    const changed = await db.user.findUniqueOrThrow({ where: { id: world.office.user.id } });
    expect(await verifyPassword("second passphrase here", changed.passwordHash!)).toBe(true);
  });

  it("cannot be set from an old session without one, and refuses short or mismatched passwords", async () => {
    const world = await createWorld(db);
    await expect(
      setOwnPassword(
        await sessionOf(world.office.user.id, 30),
        input({ newPassword: "a long new passphrase", confirmPassword: "a long new passphrase" }),
      ),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: world.office.user.id } })).passwordHash).toBeNull();
    expect(
      ZSetOwnPasswordSchema.safeParse({ newPassword: "short", confirmPassword: "short" }).error?.issues[0].message,
    ).toBe("Use at least 12 characters");
    expect(
      ZSetOwnPasswordSchema.safeParse({ newPassword: "a long new passphrase", confirmPassword: "another one" }).error
        ?.issues[0].path,
    ).toEqual(["confirmPassword"]);
  });
});

describe("a company admin resetting a password", () => {
  it("clears the password of someone who works only for the company, ends their sessions and emails a sign-in link", async () => {
    const world = await createWorld(db);
    const admin = await createContractorPerson(db, world.company.id, "ADMIN");
    const desk = (await loadDeskActor(admin.user.id))!;
    await setOwnPassword(
      await sessionOf(world.office.user.id),
      input({ newPassword: "office passphrase!", confirmPassword: "office passphrase!" }),
    );
    const officeSession = await sessionOf(world.office.user.id);
    expect((await listCompanyPeople(desk)).find((p) => p.id === world.office.person.id)).toMatchObject({
      hasPassword: true,
      passwordIsCompanys: true,
    });

    await resetCompanyPersonPassword(desk, { personId: world.office.person.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: world.office.user.id } })).passwordHash).toBeNull();
    expect(await isLive(officeSession)).toBe(false);
    const email = await deliverLatestEmail(world.office.user.email, { template: "password-reset" });
    expect(email.subject).toContain(world.company.name);
    expect(email.text).toMatch(/\/link\/[A-Za-z0-9_-]{43}/);
  });

  it("never touches someone who is also another company's or an organisation's member", async () => {
    const world = await createWorld(db);
    const admin = await createContractorPerson(db, world.company.id, "ADMIN");
    const desk = (await loadDeskActor(admin.user.id))!;
    const otherCompany = await createContractorCompany(db, [world.organisation.id]);
    await db.contractorPerson.create({
      data: { contractorCompanyId: otherCompany.id, userId: world.office.user.id, role: "TECHNICIAN" },
    });
    const staffToo = await createStaffUser(db, (await createOrganisation(db)).id, "COORDINATOR", {
      password: "staff passphrase!!",
    });
    const staffAsTech = await db.contractorPerson.create({
      data: { contractorCompanyId: world.company.id, userId: staffToo.id, role: "TECHNICIAN" },
    });
    await setOwnPassword(
      await sessionOf(world.office.user.id),
      input({ newPassword: "office passphrase!", confirmPassword: "office passphrase!" }),
    );

    const people = await listCompanyPeople(desk);
    expect(people.find((p) => p.id === world.office.person.id)).toMatchObject({
      hasPassword: true,
      passwordIsCompanys: false,
    });
    expect(people.find((p) => p.id === staffAsTech.id)).toMatchObject({ hasPassword: true, passwordIsCompanys: false });
    await expect(resetCompanyPersonPassword(desk, { personId: world.office.person.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(resetCompanyPersonPassword(desk, { personId: staffAsTech.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: world.office.user.id } })).passwordHash).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: staffToo.id } })).passwordHash).not.toBeNull();
  });

  it("office people and other companies' admins cannot reset anyone's password", async () => {
    const world = await createWorld(db);
    const other = await createWorld(db);
    const otherAdmin = (await loadDeskActor((await createContractorPerson(db, other.company.id, "ADMIN")).user.id))!;
    await setOwnPassword(
      await sessionOf(world.office.user.id),
      input({ newPassword: "office passphrase!", confirmPassword: "office passphrase!" }),
    );
    await expect(resetCompanyPersonPassword(otherAdmin, { personId: world.office.person.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const office = (await loadDeskActor(world.office.user.id))!;
    await expect(resetCompanyPersonPassword(office, { personId: world.technician.person.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("sessions end when access changes", () => {
  it("deactivating a person ends only that company's role, and the sessions it was their way in for; a role change too", async () => {
    const world = await createWorld(db);
    const admin = await createContractorPerson(db, world.company.id, "ADMIN");
    const desk = (await loadDeskActor(admin.user.id))!;
    const otherCompany = await createContractorCompany(db, [world.organisation.id]);
    const elsewhere = await db.contractorPerson.create({
      data: { contractorCompanyId: otherCompany.id, userId: world.office.user.id, role: "OFFICE" },
    });

    // They also work for another company: they stay signed in there, without this one.
    const first = await sessionOf(world.office.user.id);
    await updateCompanyPerson(desk, { personId: world.office.person.id, role: "OFFICE", active: false });
    expect(await isLive(first)).toBe(true);
    expect((await db.contractorPerson.findUniqueOrThrow({ where: { id: elsewhere.id } })).active).toBe(true);
    expect((await loadDeskActor(world.office.user.id))?.companies.map((c) => c.companyId)).toEqual([otherCompany.id]);

    // This company is the technician's only way in: their sessions end with the change.
    const second = await sessionOf(world.technician.user.id);
    await updateCompanyPerson(desk, { personId: world.technician.person.id, role: "OFFICE", active: true });
    expect(await isLive(second)).toBe(false);

    // Saving without a change ends nothing.
    const third = await sessionOf(world.technician.user.id);
    await updateCompanyPerson(desk, { personId: world.technician.person.id, role: "OFFICE", active: true });
    expect(await isLive(third)).toBe(true);
  });

  it("a deactivated account's sessions are not live", async () => {
    const world = await createWorld(db);
    const session = await sessionOf(world.admin.id);
    expect(await isLive(session)).toBe(true);
    await db.user.update({ where: { id: world.admin.id }, data: { deactivatedAt: new Date() } });
    expect(await isLive(session)).toBe(false);
  });
});
