import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_S3_KEYS, startLocalS3 } from "@/tests/local-s3";
import { localStorage } from "./local-storage";
import { s3Storage } from "./s3-storage";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("S3 storage against a local S3-compatible server", () => {
  let s3: Awaited<ReturnType<typeof startLocalS3>>;
  let driver: ReturnType<typeof s3Storage>;
  beforeAll(async () => {
    s3 = await startLocalS3();
    driver = s3Storage({
      bucket: s3.bucket,
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      ...LOCAL_S3_KEYS,
    });
  });
  afterAll(async () => s3.stop());

  it("stores, reads back byte for byte, and removes an object", async () => {
    const key = `org-1/${randomUUID()}.bin`;
    // Every byte value, then random bytes: nothing may be re-encoded on the way.
    const bytes = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), ...randomBytes(300 * 1024)]);
    await driver.put(key, bytes, "application/octet-stream");

    const read = await driver.get(key);
    expect(read.byteLength).toBe(bytes.byteLength);
    expect(sha256(read)).toBe(sha256(bytes));

    await driver.remove(key);
    await expect(driver.get(key)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(driver.remove(key)).resolves.toBeUndefined();
  });

  it("keeps the content type with the object", async () => {
    const key = `org-1/${randomUUID()}.pdf`;
    await driver.put(key, new TextEncoder().encode("%PDF-1.4\n%%EOF\n"), "application/pdf");
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head.ContentType).toBe("application/pdf");
    expect(head.ContentLength).toBe(15);
  });

  it("reports a missing key as the local driver reports a missing file", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "fieldgate-local-"));
    try {
      const local = localStorage(folder);
      const localError = await local.get("org-1/absent.pdf").catch((error: unknown) => error);
      const s3Error = await driver.get("org-1/absent.pdf").catch((error: unknown) => error);
      expect(localError).toBeInstanceOf(Error);
      expect(s3Error).toBeInstanceOf(Error);
      expect(s3Error).toMatchObject({ code: (localError as NodeJS.ErrnoException).code });
      expect((s3Error as Error).message).toContain("org-1/absent.pdf");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("a bucket that does not exist is an error of its own, not a missing file", async () => {
    const wrongBucket = s3Storage({
      bucket: "no-such-bucket",
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      ...LOCAL_S3_KEYS,
    });
    const error = await wrongBucket.get("org-1/absent.pdf").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NoSuchBucket" });
    expect((error as NodeJS.ErrnoException).code).not.toBe("ENOENT");
  });

  it("the configured key pair is what signs the requests", async () => {
    const stranger = s3Storage({
      bucket: s3.bucket,
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      accessKeyId: "UNKNOWN",
      secretAccessKey: "S3RVER",
    });
    await expect(
      stranger.put(`org-1/${randomUUID()}.pdf`, new Uint8Array([1]), "application/pdf"),
    ).rejects.toMatchObject({ name: "InvalidAccessKeyId" });
  });
});
