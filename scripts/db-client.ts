import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { pgConfigFromUrl } from "../lib/database/pg-config";

// For scripts and tests, which choose their database explicitly.
export function createDbClient(databaseUrl: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pgConfigFromUrl(databaseUrl, { max })) });
}
