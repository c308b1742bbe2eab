import "server-only";
import { Prisma } from "@/generated/prisma/client";

// Reads written as one SQL statement bring their nested rows (to_jsonb, json_agg) back as
// JSON, where a timestamp is a string like "2030-01-01T09:00:00.123" with no zone: the
// columns hold UTC, as Prisma writes them. These turn such a row back into the model's
// own type, with Date fields, exactly as Prisma would have returned it.

type TDateKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends Date ? K : never }[keyof T];

const utc = (value: unknown) => (typeof value === "string" ? new Date(`${value}Z`) : value);

// Every Date field of the model must be named: a DateTime column added to the schema
// later makes this fail to compile until it is listed here, instead of arriving as text.
export function fromJsonRow<T>() {
  return <const K extends readonly TDateKeys<T>[]>(
      dateKeys: K & ([Exclude<TDateKeys<T>, K[number]>] extends [never] ? unknown : never),
    ) =>
    (json: unknown): T => {
      const row = { ...(json as Record<string, unknown>) };
      for (const key of dateKeys) row[key as string] = utc(row[key as string]);
      return row as T;
    };
}

// A whole page as one JSON array in one value: the driver and Prisma then decode one
// value instead of every cell of every row, which on a list page costs the server process
// clearly less CPU. The rows keep the order of the query they come from: the page is
// already sorted and cut to its LIMIT, and the aggregate reads those few rows as they
// arrive (the tests beside each list check the order).
export function asJsonArray(query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT COALESCE(json_agg(page), '[]') AS rows FROM (${query}) page`;
}
