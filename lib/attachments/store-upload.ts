import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { invalidInput } from "@/lib/errors";
import { storage } from "@/lib/storage/storage";
import { cleanFilename, inspectUpload } from "./inspect-upload";

export type TStoredUpload = {
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
};

// A narrower rule than inspectUpload's for one kind of document, e.g. certificates.
export type TUploadRule = { accepts: (contentType: string) => boolean; refusal: string };

// Checks a file by its bytes, stores it under keyPrefix, and lets `record` write the rows
// that point at it. If recording fails the stored file is removed, so a refused or failed
// upload leaves neither a row nor a file behind.
export async function withStoredUpload<T>(
  file: File,
  keyPrefix: string,
  rule: TUploadRule | null,
  record: (upload: TStoredUpload) => Promise<T>,
): Promise<T> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { contentType, extension } = await inspectUpload(bytes, file.name);
  if (rule && !rule.accepts(contentType))
    throw invalidInput("That kind of file is not accepted here.", { file: [rule.refusal] });
  const storageKey = `${keyPrefix}/${randomUUID()}.${extension}`;
  await storage().put(storageKey, bytes, contentType);
  try {
    return await record({
      filename: cleanFilename(file.name, extension),
      contentType,
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
    });
  } catch (error) {
    await storage()
      .remove(storageKey)
      .catch(() => undefined);
    throw error;
  }
}
