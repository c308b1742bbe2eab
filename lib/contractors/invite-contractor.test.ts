import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createAssignment, createContractorPerson, createWorkOrder, createWorld } from "@/prisma/factories";
import { inviteContractor } from "./invite-contractor";
import { listNetwork } from "./list-network";
import { deliverLatestEmail } from "@/tests/deliver-email";
import { recordSignIn } from "@/lib/auth/record-sign-in";

describe("contractor network", () => {
  it("invites a new company (its admin is emailed and can sign in to the Desk) and refuses a second invitation", async () => {
    const world = await createWorld(db);
    const staff = (await loadStaffActor(world.admin.id))!;
    const email = `boss-${Date.now()}@newco.test`;
    const company = await inviteContractor(staff, {
      companyName: "NewCo Roofing",
      adminName: "Bo Boss",
      adminEmail: email,
    });
    const mail = await deliverLatestEmail(email, { template: "contractor-invited" });
    expect(mail.text).toMatch(/\/link\/[A-Za-z0-9_-]{43}/);
    const admin = await db.user.findUniqueOrThrow({ where: { email } });
    expect((await loadDeskActor(admin.id))?.companies.map((c) => c.companyId)).toEqual([company.id]);
    await expect(
      inviteContractor(staff, { companyName: "NewCo Roofing", adminName: "Bo Boss", adminEmail: email }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an existing company joins a second client's network as it is", async () => {
    const first = await createWorld(db);
    const second = await createWorld(db);
    const admin = await createContractorPerson(db, first.company.id, "ADMIN");
    const staff = (await loadStaffActor(second.admin.id))!;
    const joined = await inviteContractor(staff, {
      companyName: "ignored",
      adminName: "x y",
      adminEmail: admin.user.email,
    });
    expect(joined.id).toBe(first.company.id);
    expect((await listNetwork(staff)).map((c) => c.id)).toContain(first.company.id);
  });

  it("reports time to accept and on-time rate per company, for this organisation only", async () => {
    const world = await createWorld(db);
    const staff = (await loadStaffActor(world.admin.id))!;
    const hour = 3_600_000;
    // Due on 10 June (a calendar day, kept as its midnight UTC). Done at 15:00 London time
    // that day is on time; done at 09:00 the next day is late.
    const due = new Date("2026-06-10T00:00:00Z");
    const now = Date.parse("2026-06-10T14:00:00Z");
    for (const [respondHours, completedOffset] of [
      [2, 0],
      [4, 18 * hour],
    ]) {
      const wo = await createWorkOrder(db, { organisationId: world.organisation.id, siteId: world.site.id });
      await db.workOrder.update({ where: { id: wo.id }, data: { dueAt: due } });
      const task = await createAssignment(db, {
        workOrderId: wo.id,
        contractorCompanyId: world.company.id,
        status: "REVIEWED",
      });
      await db.assignment.update({
        where: { id: task.id },
        data: {
          offeredAt: new Date(now - 10 * hour),
          respondedAt: new Date(now - 10 * hour + respondHours * hour),
          completedAt: new Date(now + completedOffset),
        },
      });
    }
    const entry = (await listNetwork(staff)).find((c) => c.id === world.company.id)!;
    expect(entry.tasksOffered).toBe(2);
    expect(entry.averageHoursToAccept).toBeCloseTo(3, 5);
    expect(entry.onTimeRate).toBe(0.5);
    // Invited until someone from the company signs in.
    expect(entry.standing).toBe("invited");
    expect(entry.lastSignInAt).toBeNull();
    const signedIn = new Date("2026-06-11T09:30:00Z");
    await recordSignIn(world.office.user.id, signedIn);
    const after = (await listNetwork(staff)).find((c) => c.id === world.company.id)!;
    expect(after.standing).toBe("active");
    expect(after.lastSignInAt).toEqual(signedIn);
  });
});
