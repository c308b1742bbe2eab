import "server-only";
import { Prisma } from "@/generated/prisma/client";

// Keyset pagination in SQL for the long lists: a page is "the rows after the last one
// shown", found from an index or one ordered scan, so page 2,000 costs what page 1 costs
// and no count(*) is needed. The cursor is the last row's value of every sort key; the
// last key must be unique so that ties never skip or repeat a row.

export type TSortDir = "asc" | "desc";
type TKeyValue = Date | number | string | null;
export type TKeyType = "timestamp" | "int" | "text" | { enum: string; values: readonly string[] };

export type TSortKey<TRow> = {
  sql: Prisma.Sql;
  type: TKeyType;
  // Only the first key may be empty; rows without it come last whichever the direction.
  nullable?: boolean;
  of: (row: TRow) => TKeyValue;
};

export type TCursor = (string | number | null)[];

export function encodeCursor(values: TCursor): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

function validValue(type: TKeyType, value: unknown): boolean {
  if (type === "int") return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31;
  if (typeof value !== "string") return false;
  if (type === "timestamp") return !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
  if (type === "text") return true;
  return type.values.includes(value);
}

// A cursor that does not fit the sort (edited by hand, or from another sort) reads as
// "no cursor": the first page, never an error.
export function decodeCursor<TRow>(value: string | undefined, keys: TSortKey<TRow>[]): TCursor | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString());
    if (!Array.isArray(parsed) || parsed.length !== keys.length) return null;
    const fits = keys.every((key, i) =>
      parsed[i] === null ? i === 0 && !!key.nullable : validValue(key.type, parsed[i]),
    );
    return fits ? (parsed as TCursor) : null;
  } catch {
    return null;
  }
}

function typed(type: TKeyType, value: string | number): Prisma.Sql {
  if (type === "timestamp") return Prisma.sql`${value}::timestamp(3)`;
  if (type === "int") return Prisma.sql`${value}::int`;
  if (type === "text") return Prisma.sql`${value}::text`;
  return Prisma.sql`${value}::${Prisma.raw(`"${type.enum}"`)}`;
}

export function keysetOrderBy<TRow>(keys: TSortKey<TRow>[], dir: TSortDir): Prisma.Sql {
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  return Prisma.join(
    keys.map((key) =>
      key.nullable ? Prisma.sql`${key.sql} ${direction} NULLS LAST` : Prisma.sql`${key.sql} ${direction}`,
    ),
  );
}

// The rows after the cursor in (keys, dir) order, as one condition. Row comparison
// "(a, b) > (x, y)" is SQL's own lexicographic order, so it matches ORDER BY exactly.
export function keysetAfter<TRow>(keys: TSortKey<TRow>[], dir: TSortDir, cursor: TCursor): Prisma.Sql {
  const beyond = Prisma.raw(dir === "asc" ? ">" : "<");
  const row = (parts: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(parts)})`;
  const columns = keys.map((key) => key.sql);
  const [first, ...rest] = keys;
  if (cursor[0] === null) {
    const values = rest.map((key, i) => typed(key.type, cursor[i + 1] as string | number));
    return Prisma.sql`(${first.sql} IS NULL AND ${row(columns.slice(1))} ${beyond} ${row(values)})`;
  }
  const values = keys.map((key, i) => typed(key.type, cursor[i] as string | number));
  if (first.nullable) return Prisma.sql`(${row(columns)} ${beyond} ${row(values)} OR ${first.sql} IS NULL)`;
  return Prisma.sql`${row(columns)} ${beyond} ${row(values)}`;
}

// Rows are fetched one past the page size: the extra row only says there is a next page.
export function keysetPage<TRow>(
  rows: TRow[],
  pageSize: number,
  keys: TSortKey<TRow>[],
): { rows: TRow[]; nextCursor: string | null } {
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  if (rows.length <= pageSize || !last) return { rows: page, nextCursor: null };
  const values = keys.map((key) => {
    const value = key.of(last);
    return value instanceof Date ? value.toISOString() : value;
  });
  return { rows: page, nextCursor: encodeCursor(values) };
}
