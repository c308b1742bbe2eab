import { readFile } from "node:fs/promises";
import path from "node:path";

// Where scripts/build-tech-app.ts writes the technician app's bundle, and the file that
// names what it wrote. Production (content-hashed, precached by the service worker) and
// development (rebuilt on change by `npm run dev`) are kept apart, so running one never
// leaves the other pointing at files that are gone.
export type TTechBundleMode = "production" | "development";

export function techBundleLocation(mode: TTechBundleMode) {
  const url = mode === "production" ? "/tech-app" : "/tech-app/dev";
  const dir = `public${url}`;
  return { dir, url, manifest: `${dir}/bundle.json` };
}

export type TTechBundle = {
  // What the page loads: the entry script (an ES module) and its stylesheet.
  scripts: string[];
  styles: string[];
  // Everything built, lazy chunks and the photo worker included: the service worker
  // precaches all of it so the app runs with no network.
  files: string[];
};

let cached: Promise<TTechBundle> | null = null;

// Production reads it once; development (esbuild watching) reads it on every request.
export function readTechBundle(mode: TTechBundleMode, root = process.cwd()): Promise<TTechBundle> {
  const production = mode === "production";
  if (cached && production) return cached;
  const manifest = path.join(root, techBundleLocation(production ? "production" : "development").manifest);
  cached = readFile(manifest, "utf8").then(
    (text) => JSON.parse(text) as TTechBundle,
    (error: unknown) => {
      cached = null;
      throw new Error(
        `The technician app is not built (${manifest} is missing). Run \`npm run build\` or \`npm run dev\`.`,
        { cause: error },
      );
    },
  );
  return cached;
}
