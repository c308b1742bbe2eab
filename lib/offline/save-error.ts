import { InvalidChangeError } from "./check-mutation";

// What the technician reads when the phone could not keep an action: it was not saved,
// what they entered is still on the screen, and what to do. Everything saved before it
// stays saved and is still sent.
export const KEPT_ON_SCREEN = "What you entered is still here: try again.";

export function describeSaveError(error: unknown, next = KEPT_ON_SCREEN): string {
  if (error instanceof InvalidChangeError) return error.message;
  const name = (error as { name?: string })?.name ?? "";
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? "";
  if (name === "QuotaExceededError" || inner === "QuotaExceededError")
    return `Not saved on this phone: its storage for this app is full (a sync sends photos and frees space). ${next}`;
  const reason = error instanceof Error && error.message ? ` (${error.message})` : "";
  return `Not saved on this phone${reason}. ${next}`;
}

// Runs a save; on failure hands its message to `show` and answers false.
export async function trySave(
  save: () => Promise<unknown>,
  show: (message: string) => void,
  next = KEPT_ON_SCREEN,
): Promise<boolean> {
  try {
    await save();
    show("");
    return true;
  } catch (error) {
    console.error(error);
    show(describeSaveError(error, next));
    return false;
  }
}
