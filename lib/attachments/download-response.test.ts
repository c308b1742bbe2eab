import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { storage } from "@/lib/storage/storage";
import { PNG_BYTES } from "@/tests/sample-files";
import { downloadResponse } from "./download-response";

describe("serving a stored file", () => {
  it("serves the bytes with safe headers, and a file gone from storage as not found", async () => {
    const storageKey = `tests/${randomUUID()}.png`;
    await storage().put(storageKey, PNG_BYTES, "image/png");
    const response = await downloadResponse({
      storageKey,
      contentType: "image/png",
      filename: "photo.png",
      sizeBytes: PNG_BYTES.byteLength,
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_BYTES);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    await storage().remove(storageKey);
    await expect(
      downloadResponse({ storageKey, contentType: "image/png", filename: "photo.png", sizeBytes: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
