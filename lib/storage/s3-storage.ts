import "server-only";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { TStorage } from "./storage";

export type TS3StorageOptions = {
  bucket: string;
  region: string;
  // Another S3-compatible service (MinIO, R2, ...); unset means AWS S3 itself.
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
};

// Objects in one S3-compatible bucket, under the same keys the local folder uses.
export function s3Storage(options: TS3StorageOptions): TStorage {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    // Without a key pair the SDK's own chain applies (AWS_* variables, instance role).
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
    // Not every S3-compatible service accepts the checksums the SDK now adds by default.
    ...(options.endpoint
      ? { requestChecksumCalculation: "WHEN_REQUIRED" as const, responseChecksumValidation: "WHEN_REQUIRED" as const }
      : {}),
    // An unreachable or stalled service fails the request instead of holding it open.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 30_000 },
  });

  return {
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.byteLength,
        }),
      );
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!object.Body) throw missingObject(bucket, key);
        return await object.Body.transformToByteArray();
      } catch (error) {
        if ((error as { name?: unknown }).name === "NoSuchKey") throw missingObject(bucket, key);
        throw error;
      }
    },
    async remove(key) {
      // S3 deletes are idempotent, as the local driver's forced rm is.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

// Callers see a missing object exactly as the local driver reports a missing file: an
// Error whose code is ENOENT.
function missingObject(bucket: string, key: string): NodeJS.ErrnoException {
  const location = `s3://${bucket}/${key}`;
  return Object.assign(new Error(`ENOENT: no such object, get '${location}'`), { code: "ENOENT", path: location });
}
