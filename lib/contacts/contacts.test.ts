import { describe, expect, it } from "vitest";
import { loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createWorkOrder } from "@/lib/work-orders/create-work-order";
import { ZCreateWorkOrderSchema } from "@/lib/work-orders/schemas";
import { createWorld } from "@/prisma/factories";
import { ZAddSiteContactSchema, ZSetWorkOrderCustomerSchema } from "./schemas";
import { listLinkRecipients } from "./list-link-recipients";
import { addSiteContact, listSiteContacts, setWorkOrderCustomer } from "./site-contacts";

describe("contacts", () => {
  it("a site's customer is its work orders' customer by default; one contact per address; another organisation's is refused", async () => {
    const world = await createWorld(db);
    const staff = (await loadStaffActor(world.admin.id))!;
    const add = (fields: Record<string, string>) =>
      addSiteContact(staff, ZAddSiteContactSchema.parse({ siteId: world.site.id, ...fields }));
    const priya = await add({ name: "Priya Shah", email: " Priya@Example.test ", company: "Harbour Lettings" });
    expect(priya.email).toBe("priya@example.test");
    // The open work order without a customer gets her; a new one names her.
    expect((await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } })).customerContactId).toBe(
      priya.id,
    );
    const created = await createWorkOrder(
      staff,
      ZCreateWorkOrderSchema.parse({ title: "Dripping tap", siteId: world.site.id, priority: "NORMAL" }),
    );
    expect(created.customerContactId).toBe(priya.id);
    // Added again by her address: the same contact, her details updated, listed once.
    const again = await add({ name: "Priya Shah-Khan", email: "priya@example.test" });
    expect(again.id).toBe(priya.id);
    expect((await listSiteContacts(staff, world.site.id)).map((c) => c.contact.name)).toEqual(["Priya Shah-Khan"]);
    expect((await listLinkRecipients(staff, world.workOrder.id)).map((r) => r.email)).toEqual(["priya@example.test"]);
    expect(
      ZAddSiteContactSchema.safeParse({ siteId: world.site.id, name: "", email: "x" }).error?.flatten().fieldErrors,
    ).toEqual({
      name: ["Enter the person's name"],
      email: ["Enter the person's email address"],
    });

    const other = await createWorld(db);
    const otherStaff = (await loadStaffActor(other.admin.id))!;
    await expect(
      setWorkOrderCustomer(
        otherStaff,
        ZSetWorkOrderCustomerSchema.parse({ workOrderId: world.workOrder.id, contactId: priya.id }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setWorkOrderCustomer(
        staff,
        ZSetWorkOrderCustomerSchema.parse({ workOrderId: other.workOrder.id, contactId: priya.id }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      addSiteContact(
        otherStaff,
        ZAddSiteContactSchema.parse({ siteId: world.site.id, name: "X", email: "x@example.test" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setWorkOrderCustomer(
      staff,
      ZSetWorkOrderCustomerSchema.parse({ workOrderId: world.workOrder.id, contactId: "" }),
    );
    expect((await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } })).customerContactId).toBeNull();
  });
});
