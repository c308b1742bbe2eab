import "server-only";
import { AppError } from "@/lib/errors";
import { storage } from "@/lib/storage/storage";

// Uploaded files are served so that a browser can never run them as part of Fieldgate:
// the type checked at upload, no sniffing, a sandbox, and a download unless it is an image.
export async function downloadResponse(attachment: {
  storageKey: string;
  contentType: string;
  filename: string;
  sizeBytes: number;
}): Promise<Response> {
  const bytes = await storage()
    .get(attachment.storageKey)
    .catch((error: { code?: string }) => {
      // The row outlived its file (removed from the bucket or disk by hand): say so.
      if (error?.code === "ENOENT")
        throw new AppError(
          "NOT_FOUND",
          "This file is no longer stored. Ask the person who uploaded it to add it again.",
        );
      throw error;
    });
  const disposition = attachment.contentType.startsWith("image/") ? "inline" : "attachment";
  const asciiName = attachment.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Blob([new Uint8Array(bytes)]), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
