import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { storage } from "@/lib/storage/storage";
import { readAttachment } from "./list-attachments";

// Reads photos for a PDF through the reader's own file access (lib/authz): a photo they
// may not open is not printed for them either. One at a time, never all at once.
export function photoReader(actor: TActor) {
  return async (attachmentId: string) => {
    const attachment = await readAttachment(actor, attachmentId);
    if (!attachment) return null;
    return { bytes: await storage().get(attachment.storageKey), contentType: attachment.contentType };
  };
}
