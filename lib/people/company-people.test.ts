import { describe, expect, it } from "vitest";
import { loadDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createContractorPerson, createWorld } from "@/prisma/factories";
import { addCompanyPerson, listCompanyPeople, updateCompanyPerson } from "./company-people";
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
  });
});
