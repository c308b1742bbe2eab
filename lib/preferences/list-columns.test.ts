import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { listColumnsFor, saveListColumns } from "./list-columns";

describe("the columns a person chooses per list", () => {
  it("shows every column until chosen, keeps each list's choice apart and in the list's order", async () => {
    const user = await createUser(db);
    expect(await listColumnsFor(user.id, "staffWorkOrders")).toEqual([
      "site",
      "priority",
      "status",
      "contractor",
      "created",
      "due",
      "sla",
    ]);
    await saveListColumns(user.id, "staffWorkOrders", ["due", "site"]);
    await saveListColumns(user.id, "desk", ["status"]);
    expect(await listColumnsFor(user.id, "staffWorkOrders")).toEqual(["site", "due"]);
    expect(await listColumnsFor(user.id, "desk")).toEqual(["status"]);
    // Something else stored there (an older version's value) reads as every column.
    await db.user.update({ where: { id: user.id }, data: { preferences: { staffWorkOrderColumns: ["nonsense"] } } });
    expect(await listColumnsFor(user.id, "staffWorkOrders")).toHaveLength(7);
  });
});
