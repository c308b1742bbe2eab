import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createWorld } from "@/prisma/factories";
import { loadDeskActor, loadStaffActor, loadTechActor } from "./actor";
import { endUserSession, startUserSession } from "./user-sessions";

const meta = { ip: "203.0.113.9", userAgent: "test" };

describe("actors of a session", () => {
  it("each audience's actor loads only while the session named is live and belongs to that person", async () => {
    const world = await createWorld(db);
    const staffSession = await startUserSession(world.admin.id, meta);
    const deskSession = await startUserSession(world.office.user.id, meta);
    const techSession = await startUserSession(world.technician.user.id, meta);

    expect(await loadStaffActor(world.admin.id, staffSession)).toMatchObject({
      kind: "staff",
      userId: world.admin.id,
      organisationId: world.organisation.id,
      role: "ADMIN",
    });
    expect((await loadDeskActor(world.office.user.id, deskSession))?.companies).toEqual([
      {
        companyId: world.company.id,
        companyName: world.company.name,
        personId: world.office.person.id,
        role: "OFFICE",
      },
    ]);
    expect(await loadTechActor(world.technician.user.id, techSession)).toMatchObject({
      personIds: [world.technician.person.id],
      roles: ["TECHNICIAN"],
    });

    // Someone else's session, an ended one and an expired one name nobody.
    expect(await loadStaffActor(world.admin.id, deskSession)).toBeNull();
    await endUserSession(staffSession, "signed_out");
    expect(await loadStaffActor(world.admin.id, staffSession)).toBeNull();
    expect(await loadStaffActor(world.admin.id)).not.toBeNull();
    await db.userSession.update({ where: { id: techSession }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadTechActor(world.technician.user.id, techSession)).toBeNull();

    // A deactivated person is nobody, whatever their session.
    await db.user.update({ where: { id: world.office.user.id }, data: { deactivatedAt: new Date() } });
    expect(await loadDeskActor(world.office.user.id, deskSession)).toBeNull();
  });
});
