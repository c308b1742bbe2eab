import "server-only";
// Field-level merge: a field the device changed is applied when the server still holds
// the value the device started from (or already holds the new value). Otherwise someone
// else changed it meanwhile: a real conflict, reported with both values, never dropped.
export function mergeFields<F extends Record<string, unknown>>(
  current: Partial<Record<keyof F, unknown>>,
  changes: F,
  base: Partial<F>,
): { apply: Partial<F>; conflicts: { field: string; label: string; yours: unknown; theirs: unknown }[] } {
  const apply: Partial<F> = {};
  const conflicts: { field: string; label: string; yours: unknown; theirs: unknown }[] = [];
  for (const field of Object.keys(changes) as (keyof F & string)[]) {
    const yours = changes[field];
    if (yours === undefined) continue;
    const theirs = current[field] ?? null;
    const started = field in base ? (base[field] ?? null) : theirs;
    if (same(theirs, yours)) continue;
    if (same(theirs, started)) apply[field] = yours;
    else conflicts.push({ field, label: field, yours, theirs });
  }
  return { apply, conflicts };
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
