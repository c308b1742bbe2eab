import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createContractorCompany, createContractorPerson, createOrganisation, createStaffUser } from "@/prisma/factories";
import { authenticateWithPassword } from "./password-sign-in";

const meta = () => ({ ip: `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });

describe("password sign-in", () => {
  it("signs in staff with the right password only, case-insensitively by email", async () => {
    const org = await createOrganisation(db);
    const user = await createStaffUser(db, org.id, "MANAGER", { password: "s3cret-passphrase" });
    expect(await authenticateWithPassword({ email: user.email.toUpperCase(), password: "s3cret-passphrase" }, meta())).toEqual({ userId: user.id });
    expect(await authenticateWithPassword({ email: user.email, password: "wrong" }, meta())).toBeNull();
    expect(await authenticateWithPassword({ email: "nope", password: "x" }, meta())).toBeNull();
    expect(await authenticateWithPassword({}, meta())).toBeNull();
  });

  it("refuses contractors and technicians, who sign in by link", async () => {
    const org = await createOrganisation(db);
    const company = await createContractorCompany(db, [org.id]);
    const { user } = await createContractorPerson(db, company.id, "OFFICE", { password: "s3cret-passphrase" });
    expect(await authenticateWithPassword({ email: user.email, password: "s3cret-passphrase" }, meta())).toBeNull();
  });

  it("stops guessing after 10 attempts per address", async () => {
    const org = await createOrganisation(db);
    const user = await createStaffUser(db, org.id, "ADMIN", { password: "s3cret-passphrase" });
    for (let i = 0; i < 10; i++) expect(await authenticateWithPassword({ email: user.email, password: `guess-${i}` }, meta())).toBeNull();
    await expect(authenticateWithPassword({ email: user.email, password: "s3cret-passphrase" }, meta())).rejects.toBeInstanceOf(AppError);
  });
});
