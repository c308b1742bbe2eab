import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/result";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createContractorPerson, createWorld } from "@/prisma/factories";
import { listCompanyProfiles } from "./list-company-profiles";
import { listNetwork } from "./list-network";
import { ZCompanyProfileSchema } from "./schemas";
import { updateCompanyProfile } from "./update-company-profile";

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e) => e.code ?? String(e),
  );

function fieldErrors(input: Record<string, string>) {
  try {
    parseInput(ZCompanyProfileSchema, input);
    return "accepted";
  } catch (error) {
    return (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
  }
}

describe("company profile", () => {
  it("an admin updates name and contact details, and the client's staff see them", async () => {
    const world = await createWorld(db);
    const admin = (await loadDeskActor((await createContractorPerson(db, world.company.id, "ADMIN")).user.id))!;
    const input = parseInput(ZCompanyProfileSchema, {
      companyId: world.company.id,
      name: "  Acme Heating Ltd ",
      email: "Office@Acme.test",
      phone: "+44 20 7946 0000",
      address: "1 High Street\nLeeds LS1 1AA",
    });
    await updateCompanyProfile(admin, input);
    const seen = (await listNetwork((await loadStaffActor(world.admin.id))!)).find((c) => c.id === world.company.id)!;
    expect(seen).toMatchObject({
      name: "Acme Heating Ltd",
      email: "office@acme.test",
      phone: "+44 20 7946 0000",
      address: "1 High Street\nLeeds LS1 1AA",
    });

    await updateCompanyProfile(
      admin,
      parseInput(ZCompanyProfileSchema, {
        companyId: world.company.id,
        name: "Acme Heating Ltd",
        email: "office@acme.test",
        phone: "",
        address: "",
      }),
    );
    expect(await db.contractorCompany.findUniqueOrThrow({ where: { id: world.company.id } })).toMatchObject({
      phone: null,
      address: null,
    });
    expect((await listCompanyProfiles(admin)).map((c) => [c.id, c.canManage])).toEqual([[world.company.id, true]]);
  });

  it("refuses bad input with a message per field", () => {
    const companyId = "c" + "a".repeat(24);
    expect(
      fieldErrors({ companyId, name: "A", email: "not-an-email", phone: "call me", address: "x".repeat(501) }),
    ).toEqual({
      name: ["Enter the company's name"],
      email: ["Enter a valid email address"],
      phone: ["Enter a phone number like +44 20 7946 0000"],
      address: ["Keep the address under 500 characters"],
    });
    expect(fieldErrors({ companyId, name: "Acme", email: "a@b.test" })).toBe("accepted");
    expect(fieldErrors({ companyId: "../x", name: "Acme", email: "a@b.test" })).toEqual({
      companyId: ["Malformed identifier"],
    });
  });

  it("office people and other companies' admins cannot change it; office people can read it", async () => {
    const world = await createWorld(db);
    const other = await createWorld(db);
    const before = await db.contractorCompany.findUniqueOrThrow({ where: { id: world.company.id } });
    const office = (await loadDeskActor(world.office.user.id))!;
    const otherAdmin = (await loadDeskActor((await createContractorPerson(db, other.company.id, "ADMIN")).user.id))!;
    const change = {
      companyId: world.company.id,
      name: "Hijacked",
      email: "x@evil.test",
      phone: null,
      address: null,
      techniciansSeeMessages: false,
    };
    expect(await codeOf(updateCompanyProfile(office, change))).toBe("FORBIDDEN");
    expect(await codeOf(updateCompanyProfile(otherAdmin, change))).toBe("FORBIDDEN");
    expect(await db.contractorCompany.findUniqueOrThrow({ where: { id: world.company.id } })).toEqual(before);
    expect((await listCompanyProfiles(office)).map((c) => [c.id, c.canManage])).toEqual([[world.company.id, false]]);
    expect((await listCompanyProfiles(otherAdmin)).map((c) => c.id)).toEqual([other.company.id]);
  });
});
