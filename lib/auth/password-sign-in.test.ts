import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createStaffUser,
} from "@/prisma/factories";
import { authenticateWithPassword } from "./password-sign-in";
import { requestSignInLink } from "./sign-in-links";

let ipCounter = 0;
const freshIp = () => ({ ip: `10.77.${Math.floor(Math.random() * 250)}.${++ipCounter % 250}`, userAgent: "vitest" });
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error) => (error instanceof AppError ? error.code : Promise.reject(error)),
  );

describe("password sign-in", () => {
  it("signs in staff with the right password only, case-insensitively by email", async () => {
    const org = await createOrganisation(db);
    const user = await createStaffUser(db, org.id, "MANAGER", { password: "s3cret-passphrase" });
    expect(
      await authenticateWithPassword({ email: user.email.toUpperCase(), password: "s3cret-passphrase" }, freshIp()),
    ).toEqual({ userId: user.id });
    expect(await authenticateWithPassword({ email: user.email, password: "wrong" }, freshIp())).toBeNull();
    expect(await authenticateWithPassword({ email: "nope", password: "x" }, freshIp())).toBeNull();
    expect(await authenticateWithPassword({}, freshIp())).toBeNull();
  });

  it("signs in contractor office people with a password they set, never technicians", async () => {
    const org = await createOrganisation(db);
    const company = await createContractorCompany(db, [org.id]);
    const office = await createContractorPerson(db, company.id, "OFFICE", { password: "s3cret-passphrase" });
    const technician = await createContractorPerson(db, company.id, "TECHNICIAN", { password: "s3cret-passphrase" });
    expect(
      await authenticateWithPassword({ email: office.user.email, password: "s3cret-passphrase" }, freshIp()),
    ).toEqual({ userId: office.user.id });
    expect(
      await authenticateWithPassword({ email: technician.user.email, password: "s3cret-passphrase" }, freshIp()),
    ).toBeNull();
    await db.contractorPerson.update({ where: { id: office.person.id }, data: { active: false } });
    expect(
      await authenticateWithPassword({ email: office.user.email, password: "s3cret-passphrase" }, freshIp()),
    ).toBeNull();
  });

  it("someone guessing from one IP is stopped there, and the owner still signs in from their own", async () => {
    const org = await createOrganisation(db);
    const user = await createStaffUser(db, org.id, "ADMIN", { password: "s3cret-passphrase" });
    const attacker = freshIp();
    for (let i = 0; i < 10; i++)
      expect(await authenticateWithPassword({ email: user.email, password: `guess-${i}` }, attacker)).toBeNull();
    expect(await rejection(authenticateWithPassword({ email: user.email, password: "guess-10" }, attacker))).toBe(
      "RATE_LIMITED",
    );
    expect(
      await rejection(authenticateWithPassword({ email: user.email, password: "s3cret-passphrase" }, attacker)),
    ).toBe("RATE_LIMITED");
    expect(await authenticateWithPassword({ email: user.email, password: "s3cret-passphrase" }, freshIp())).toEqual({
      userId: user.id,
    });
  });

  it("guesses spread over many IPs meet a looser limit per account, and the owner can still have a sign-in link", async () => {
    const org = await createOrganisation(db);
    const user = await createStaffUser(db, org.id, "ADMIN", { password: "s3cret-passphrase" });
    const limits = { perEmailAndIp: 3, perEmail: 6, perIp: 1000 };
    for (let i = 0; i < 6; i++)
      expect(
        await authenticateWithPassword({ email: user.email, password: `guess-${i}` }, freshIp(), limits),
      ).toBeNull();
    const refused = await authenticateWithPassword(
      { email: user.email, password: "s3cret-passphrase" },
      freshIp(),
      limits,
    ).catch((e: AppError) => e);
    expect(refused).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("Email me a sign-in link"),
    });
    await requestSignInLink({ email: user.email }, freshIp());
    expect(await db.emailOutbox.count({ where: { to: user.email, template: "sign-in-link" } })).toBe(1);
  });

  it("refuses the demo personas' published password once demo mode is off", async () => {
    const org = await createOrganisation(db);
    const persona = await createStaffUser(db, org.id, "ADMIN", { password: "fieldgate-demo", isDemo: true });
    const limits = { perEmailAndIp: 10, perEmail: 100, perIp: 1000 };
    expect(
      await authenticateWithPassword(
        { email: persona.email, password: "fieldgate-demo" },
        freshIp(),
        limits,
        async () => false,
      ),
    ).toBeNull();
    expect(
      await authenticateWithPassword(
        { email: persona.email, password: "fieldgate-demo" },
        freshIp(),
        limits,
        async () => true,
      ),
    ).toEqual({ userId: persona.id });
  });
});
