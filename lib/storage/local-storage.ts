import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TStorage } from "./storage";

// Files on the local disk under STORAGE_DIR; keys never leave that folder.
export function localStorage(root: string): TStorage {
  const base = path.resolve(root);
  const fileFor = (key: string) => {
    const file = path.resolve(base, key);
    if (!file.startsWith(base + path.sep)) throw new Error(`Invalid storage key: ${key}`);
    return file;
  };
  return {
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
    },
    async get(key) {
      return readFile(fileFor(key));
    },
    async remove(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}
