import { readFile } from "node:fs/promises";
import path from "node:path";

// Where scripts/build-tech-app.ts writes the technician app's bundle, and the file that
// names what it wrote (content-hashed in production).
export const TECH_BUNDLE_DIR = "public/tech-app";
export const TECH_BUNDLE_URL = "/tech-app";
export const TECH_BUNDLE_MANIFEST = `${TECH_BUNDLE_DIR}/bundle.json`;

export type TTechBundle = {
  // What the page loads: the entry script (an ES module) and its stylesheet.
  scripts: string[];
  styles: string[];
  // Everything built, lazy chunks and the photo worker included: the service worker
  // precaches all of it so the app runs with no network.
  files: string[];
};

const manifestPath = (root: string) => path.join(root, TECH_BUNDLE_MANIFEST);

let cached: Promise<TTechBundle> | null = null;

// Production reads it once; development (esbuild watching) reads it on every request.
export function readTechBundle(root = process.cwd()): Promise<TTechBundle> {
  if (cached && process.env.NODE_ENV === "production") return cached;
  cached = readFile(manifestPath(root), "utf8").then(
    (text) => JSON.parse(text) as TTechBundle,
    (error: unknown) => {
      cached = null;
      throw new Error(`The technician app is not built (${manifestPath(root)} is missing). Run \`npm run build\` or \`npm run dev\`.`, { cause: error });
    },
  );
  return cached;
}
