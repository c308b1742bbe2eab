import type Dexie from "dexie";

// WebKit sometimes closes an IndexedDB connection under a running app (after the app was
// in the background, or under storage pressure). Reopen once and try again rather than
// showing an error.
const CLOSED_ERRORS = new Set(["DatabaseClosedError", "InvalidStateError", "UnknownError"]);

export async function withReopen<T>(db: Dexie, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const name = (error as { name?: string })?.name ?? "";
    const inner = (error as { inner?: { name?: string } })?.inner?.name ?? "";
    if (!CLOSED_ERRORS.has(name) && !CLOSED_ERRORS.has(inner)) throw error;
    if (db.isOpen()) db.close();
    await db.open();
    return operation();
  }
}
