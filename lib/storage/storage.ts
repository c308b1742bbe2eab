import { env } from "@/lib/env";
import { localStorage } from "./local-storage";

// The one door to file storage. Local folder by default; S3-compatible storage plugs in
// here with the same three operations.
export type TStorage = {
  put: (key: string, bytes: Uint8Array, contentType: string) => Promise<void>;
  get: (key: string) => Promise<Uint8Array>;
  remove: (key: string) => Promise<void>;
};

let current: TStorage | null = null;

export function storage(): TStorage {
  current ??= localStorage(process.env.STORAGE_DIR ?? env.STORAGE_DIR);
  return current;
}
