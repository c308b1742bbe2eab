// Reads written as one SQL statement bring their nested rows (to_jsonb, json_agg) back as
// JSON, where a timestamp is a string like "2030-01-01T09:00:00.123" with no zone: the
// columns hold UTC, as Prisma writes them. These turn such a row back into the model's
// own type, with Date fields, exactly as Prisma would have returned it.

type TDateKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends Date ? K : never }[keyof T];

const utc = (value: unknown) => (typeof value === "string" ? new Date(`${value}Z`) : value);

// Every Date field of the model must be named: a DateTime column added to the schema
// later makes this fail to compile until it is listed here, instead of arriving as text.
export function fromJsonRow<T>() {
  return <const K extends readonly TDateKeys<T>[]>(dateKeys: K & ([Exclude<TDateKeys<T>, K[number]>] extends [never] ? unknown : never)) =>
    (json: unknown): T => {
      const row = { ...(json as Record<string, unknown>) };
      for (const key of dateKeys) row[key as string] = utc(row[key as string]);
      return row as T;
    };
}
