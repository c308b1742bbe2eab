// Names in the order people read them: "Block 5" before "Block 19", "b" beside "B".
const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

export function byNaturalName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => collator.compare(a.name, b.name));
}
