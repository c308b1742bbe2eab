import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/lib/env";
import { markIfUnavailable } from "@/lib/database/unavailable";
import { onShutdown } from "@/lib/shutdown";
import { pgConfigFromUrl } from "@/lib/database/pg-config";

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// A stuck database (a table locked, a server that stopped answering) must not hang pages:
// each statement, lock wait and connection is given up after its time (lib/env.ts), and
// such errors are marked so pages and routes say what happened.
function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    pgConfigFromUrl(requireDatabaseUrl(), {
      max: 10,
      connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
      options: `-c statement_timeout=${env.DB_STATEMENT_TIMEOUT_MS} -c lock_timeout=${env.DB_LOCK_TIMEOUT_MS}`,
    }),
  );
  return new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw markIfUnavailable(error);
        }
      },
    },
  }) as unknown as PrismaClient;
}

// One client per process; Next's dev server reloads modules, so it is kept on globalThis.
// Its pool closes last when the process is told to stop.
const holder = globalThis as unknown as { fieldgateDb?: PrismaClient };

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    if (!holder.fieldgateDb) {
      holder.fieldgateDb = createClient();
      onShutdown("database", "database pool", () => holder.fieldgateDb!.$disconnect());
    }
    const value = Reflect.get(holder.fieldgateDb, property);
    return typeof value === "function" ? value.bind(holder.fieldgateDb) : value;
  },
});
