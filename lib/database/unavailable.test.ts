import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireDatabaseUrl } from "@/lib/env";
import { toAppError } from "@/lib/errors";
import { checkHealth } from "@/lib/health";
import { pgConfigFromUrl } from "./pg-config";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseUnavailable } from "./unavailable";

describe("a database that does not answer", () => {
  it("recognises timeouts and lost connections in each form the driver gives them, and nothing else", () => {
    const unavailable = [
      { code: "57014" },
      { cause: { kind: "postgres", code: "55P03" } },
      { code: "P2010", meta: { driverAdapterError: { cause: { code: "57014" } } } },
      { code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } },
      { code: "57P01" },
      { code: "08006" },
      new Error("timeout exceeded when trying to connect"),
      { digest: DATABASE_UNAVAILABLE_DIGEST },
    ];
    const other = [{ code: "P2002" }, { cause: { kind: "postgres", code: "22003" } }, new Error("boom"), null];
    expect(unavailable.map(isDatabaseUnavailable)).toEqual(unavailable.map(() => true));
    expect(other.map(isDatabaseUnavailable)).toEqual(other.map(() => false));
    expect(toAppError({ code: "55P03" })).toMatchObject({ code: "UNAVAILABLE", status: 503 });
  });

  it("gives up a read that waits on a locked table after the lock timeout, as 503, marked for the error page", async () => {
    const locker = new pg.Client(pgConfigFromUrl(requireDatabaseUrl()));
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query('LOCK TABLE "SavedFilter" IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const error = await db.savedFilter.findFirst().catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(3_000 + 2_000);
      expect((error as { digest?: string }).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
      expect(toAppError(error)).toMatchObject({ code: "UNAVAILABLE", status: 503 });
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await locker.end();
    }
  });

  it("the health check says within its time that the database is not answering when no connection is free", async () => {
    // Every connection of the pool busy for a second.
    const busy = Array.from({ length: 10 }, () => db.$queryRaw`SELECT pg_sleep(1)::text`.then(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    expect(await checkHealth({ timeoutMs: 200 })).toEqual({ ok: false, database: "not answering", jobs: "off" });
    expect(Date.now() - started).toBeLessThan(500);
    await Promise.all(busy);
    expect(await checkHealth()).toEqual({ ok: true, database: "up", jobs: "off" });
  });
});
