import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { LOCAL_S3_KEYS, startLocalS3 } from "@/tests/local-s3";
import { storageFor } from "./storage";

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

describe("choosing the storage driver from the environment", () => {
  let s3: Awaited<ReturnType<typeof startLocalS3>>;
  let folder: string;
  let s3Env: Record<string, string>;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    s3 = await startLocalS3();
    folder = await mkdtemp(path.join(os.tmpdir(), "fieldgate-files-"));
    s3Env = {
      STORAGE_DIR: folder,
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: LOCAL_S3_KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: LOCAL_S3_KEYS.secretAccessKey,
    };
  });
  afterAll(async () => {
    await s3.stop();
    await rm(folder, { recursive: true, force: true });
  });
  afterEach(() => {
    process.env = { ...savedEnv };
    vi.resetModules();
  });

  const inBucket = (key: string) =>
    s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).then(
      () => true,
      (error: { name?: string }) => (error.name === "NotFound" ? false : Promise.reject(error)),
    );
  const onDisk = (key: string) =>
    readFile(path.join(folder, key)).then(
      () => true,
      () => false,
    );

  it("uses the local folder by default, the bucket once S3_BUCKET is set, and the folder again when STORAGE_DRIVER=local", async () => {
    const localKey = `org-1/${randomUUID()}.pdf`;
    await storageFor(parseEnv({ STORAGE_DIR: folder })).put(localKey, PDF, "application/pdf");
    expect([await onDisk(localKey), await inBucket(localKey)]).toEqual([true, false]);

    const s3Key = `org-1/${randomUUID()}.pdf`;
    await storageFor(parseEnv(s3Env)).put(s3Key, PDF, "application/pdf");
    expect([await onDisk(s3Key), await inBucket(s3Key)]).toEqual([false, true]);

    const forcedLocalKey = `org-1/${randomUUID()}.pdf`;
    await storageFor(parseEnv({ ...s3Env, STORAGE_DRIVER: "local" })).put(forcedLocalKey, PDF, "application/pdf");
    expect([await onDisk(forcedLocalKey), await inBucket(forcedLocalKey)]).toEqual([true, false]);
  });

  it("storage() reads the process environment", async () => {
    Object.assign(process.env, s3Env, { STORAGE_DRIVER: "s3" });
    vi.resetModules();
    const { storage } = await import("./storage");
    const key = `org-1/${randomUUID()}.pdf`;
    await storage().put(key, PDF, "application/pdf");
    expect(await inBucket(key)).toBe(true);
    expect(Buffer.from(await storage().get(key)).equals(Buffer.from(PDF))).toBe(true);
  });

  it("refuses an S3 setup that cannot work, naming the variable, before anything is stored", async () => {
    expect(() => parseEnv({ STORAGE_DRIVER: "s3" })).toThrow(
      "Invalid environment: S3_BUCKET: is required when STORAGE_DRIVER=s3",
    );
    expect(() => parseEnv({ S3_BUCKET: "files", S3_ACCESS_KEY_ID: "AKIA" })).toThrow(
      "S3_SECRET_ACCESS_KEY: is required when S3_ACCESS_KEY_ID is set",
    );
    expect(() => parseEnv({ S3_BUCKET: "files", S3_SECRET_ACCESS_KEY: "secret" })).toThrow(
      "S3_ACCESS_KEY_ID: is required when S3_SECRET_ACCESS_KEY is set",
    );
    expect(() => parseEnv({ STORAGE_DRIVER: "gcs" })).toThrow(/STORAGE_DRIVER/);
    expect(() => parseEnv({ S3_BUCKET: "files", S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT/);
    expect(() => parseEnv({ S3_BUCKET: "files", S3_FORCE_PATH_STYLE: "perhaps" })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(parseEnv({ S3_BUCKET: "files" })).toMatchObject({ S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: false });

    process.env.STORAGE_DRIVER = "s3";
    delete process.env.S3_BUCKET;
    vi.resetModules();
    await expect(import("./storage")).rejects.toThrow("S3_BUCKET: is required when STORAGE_DRIVER=s3");
  });
});
