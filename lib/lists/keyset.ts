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

// `backward` reads the same order from the other end (for the page before a cursor):
// every direction flips, and empty values, last going forward, come first.
export function keysetOrderBy<TRow>(keys: TSortKey<TRow>[], dir: TSortDir, backward = false): Prisma.Sql {
  const ascending = (dir === "asc") !== backward;
  const direction = Prisma.raw(ascending ? "ASC" : "DESC");
  const nulls = Prisma.raw(backward ? "NULLS FIRST" : "NULLS LAST");
  return Prisma.join(
    keys.map((key) =>
      key.nullable ? Prisma.sql`${key.sql} ${direction} ${nulls}` : Prisma.sql`${key.sql} ${direction}`,
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

// The rows before the cursor in (keys, dir) order: keysetAfter's mirror. Empty values
// sort last, so every row with a value comes before an empty cursor.
export function keysetBefore<TRow>(keys: TSortKey<TRow>[], dir: TSortDir, cursor: TCursor): Prisma.Sql {
  const before = Prisma.raw(dir === "asc" ? "<" : ">");
  const row = (parts: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(parts)})`;
  const columns = keys.map((key) => key.sql);
  const [first, ...rest] = keys;
  if (cursor[0] === null) {
    const values = rest.map((key, i) => typed(key.type, cursor[i + 1] as string | number));
    return Prisma.sql`(${first.sql} IS NOT NULL OR ${row(columns.slice(1))} ${before} ${row(values)})`;
  }
  const values = keys.map((key, i) => typed(key.type, cursor[i] as string | number));
  return Prisma.sql`${row(columns)} ${before} ${row(values)}`;
}

const cursorOf = <TRow>(row: TRow, keys: TSortKey<TRow>[]) =>
  encodeCursor(
    keys.map((key) => {
      const value = key.of(row);
      return value instanceof Date ? value.toISOString() : value;
    }),
  );

// A page read backwards (keysetBefore, keysetOrderBy backward), one row past the page
// size: put back in order. The extra row says there is a page before this one; after it
// there is always the page the reader came from.
export function keysetPageBefore<TRow>(
  rowsBackward: TRow[],
  pageSize: number,
  keys: TSortKey<TRow>[],
): { rows: TRow[]; nextCursor: string | null; previousCursor: string | null } {
  const rows = rowsBackward.slice(0, pageSize).reverse();
  const [first, last] = [rows[0], rows.at(-1)];
  return {
    rows,
    nextCursor: last ? cursorOf(last, keys) : null,
    previousCursor: rowsBackward.length > pageSize && first ? cursorOf(first, keys) : null,
  };
}

// Rows are fetched one past the page size: the extra row only says there is a next page.
// A page reached from a cursor has one before it, found from its first row.
export function keysetPage<TRow>(
  rows: TRow[],
  pageSize: number,
  keys: TSortKey<TRow>[],
  fromCursor = false,
): { rows: TRow[]; nextCursor: string | null; previousCursor: string | null } {
  const page = rows.slice(0, pageSize);
  const [first, last] = [page[0], page.at(-1)];
  const previousCursor = fromCursor && first ? cursorOf(first, keys) : null;
  if (rows.length <= pageSize || !last) return { rows: page, nextCursor: null, previousCursor };
  return { rows: page, nextCursor: cursorOf(last, keys), previousCursor };
}
