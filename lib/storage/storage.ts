import "server-only";
import { env, storageDriver, type TEnv } from "@/lib/env";
import { localStorage } from "./local-storage";
import { s3Storage } from "./s3-storage";

// The one door to file storage: a local folder by default, an S3-compatible bucket when
// configured. Both drivers offer the same three operations and report a missing key the
// same way (an Error with code ENOENT).
export type TStorage = {
  put: (key: string, bytes: Uint8Array, contentType: string) => Promise<void>;
  get: (key: string) => Promise<Uint8Array>;
  remove: (key: string) => Promise<void>;
};

export type TStorageConfig = Pick<
  TEnv,
  | "STORAGE_DRIVER"
  | "STORAGE_DIR"
  | "S3_BUCKET"
  | "S3_REGION"
  | "S3_ENDPOINT"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
  | "S3_FORCE_PATH_STYLE"
>;

export function storageFor(config: TStorageConfig): TStorage {
  if (storageDriver(config) === "local") return localStorage(config.STORAGE_DIR);
  if (!config.S3_BUCKET) throw new Error("Invalid environment: S3_BUCKET: is required when STORAGE_DRIVER=s3");
  return s3Storage({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

let current: TStorage | null = null;

export function storage(): TStorage {
  current ??= storageFor(env);
  return current;
}
