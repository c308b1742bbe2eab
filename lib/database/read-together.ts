import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

// One read of a page: a scalar SQL subquery (a count, or a JSON array of rows) and how to
// turn its JSON value into what the page uses.
export type TRead<T> = { sql: Prisma.Sql; read: (value: unknown) => T };

// A list statement built with its reader (asJsonArray: one row, its page under `rows`), as
// one read of a page.
export function listRead<T>(query: { sql: Prisma.Sql; read: (result: { rows: unknown[] }[]) => T }): TRead<T> {
  return { sql: query.sql, read: (rows) => query.read([{ rows: rows as unknown[] }]) };
}

type TResults<R extends readonly TRead<unknown>[]> = { [K in keyof R]: R[K] extends TRead<infer T> ? T : never };

// A page's independent reads as one statement, one round trip: every read still goes to
// its own index, but the page pays for one statement at the driver and in the app, not
// one per count or list.
export async function readTogether<const R extends readonly TRead<unknown>[]>(reads: R): Promise<TResults<R>> {
  const values = reads.map((read) => Prisma.sql`(${read.sql})`);
  const [{ results }] = await db.$queryRaw<
    { results: unknown[] }[]
  >`SELECT json_build_array(${Prisma.join(values)}) AS results`;
  return reads.map((read, i) => read.read(results[i])) as TResults<R>;
}
