import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

// A real S3-compatible server (s3rver) in this process, on a free loopback port, with
// one empty bucket. It refuses access key ids other than its own, but does not verify
// V4 signatures themselves.
export const LOCAL_S3_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startLocalS3(bucket = "fieldgate-test") {
  const directory = await mkdtemp(path.join(os.tmpdir(), "fieldgate-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: LOCAL_S3_KEYS });
  return {
    bucket,
    endpoint,
    // An independent client, to look at what the driver under test really stored.
    client,
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
