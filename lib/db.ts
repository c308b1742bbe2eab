import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { requireDatabaseUrl } from "@/lib/env";
import { pgConfigFromUrl } from "@/lib/database/pg-config";

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  const adapter = new PrismaPg(pgConfigFromUrl(requireDatabaseUrl(), { max: 10 }));
  return new PrismaClient({ adapter });
}

// One client per process; Next's dev server reloads modules, so it is kept on globalThis.
const holder = globalThis as unknown as { fieldgateDb?: PrismaClient };

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    holder.fieldgateDb ??= createClient();
    const value = Reflect.get(holder.fieldgateDb, property);
    return typeof value === "function" ? value.bind(holder.fieldgateDb) : value;
  },
});
