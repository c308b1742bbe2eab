import "server-only";
// The search box of the long lists: a case-insensitive "contains" on text, and "#123" or
// "123" also finds that number.

// For ILIKE: the typed text matches literally, so "%" or "_" in it are not wildcards.
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function searchedNumber(q: string): number | null {
  return /^#?\d{1,9}$/.test(q) ? Number(q.replace("#", "")) : null;
}
