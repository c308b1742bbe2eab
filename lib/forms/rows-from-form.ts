// A form posts repeated rows (answer lines, suppliers) as "lines.0.description",
// "lines.0.quantity", …; this reads them as a list under that name, in row order, leaving
// out a row whose meaningful fields are all empty (a unit or a tax rate left at its
// default does not make a row). Errors come back under the same names, beside each field.
// Input already holding the list (a programmatic caller) passes as it is.
export function rowsFromForm(input: unknown, listName: string, meaningful: string[]): unknown {
  if (typeof input !== "object" || input === null || Array.isArray((input as Record<string, unknown>)[listName]))
    return input;
  const pattern = new RegExp(`^${listName}\\.(\\d{1,3})\\.(\\w+)$`);
  const rows = new Map<number, Record<string, unknown>>();
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const match = pattern.exec(key);
    if (!match) {
      rest[key] = value;
      continue;
    }
    const row = rows.get(Number(match[1])) ?? {};
    row[match[2]] = value;
    rows.set(Number(match[1]), row);
  }
  const filled = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, row]) => meaningful.some((f) => String(row[f] ?? "").trim() !== ""))
    .map(([, row]) => row);
  return { ...rest, [listName]: filled };
}
