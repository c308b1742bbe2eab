import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as esbuild from "esbuild";
import { techBundleLocation, type TTechBundle, type TTechBundleMode } from "../lib/tech-app/bundle";

// The technician app ships as its own bundle (React, Dexie and components/tech), not as a
// Next.js page: Next's App Router runtime alone is 65 KiB gzipped of the app's 150 KiB
// first-load budget. app/(tech)/tech/route.ts serves the page that loads it, the service
// worker precaches it (next.config.ts), and it is written to public/tech-app/ (development:
// public/tech-app/dev/) with a bundle.json naming the files.
//
//   tsx scripts/build-tech-app.ts            production: minified, content-hashed names
//   tsx scripts/build-tech-app.ts --watch    development: rebuilt on change (npm run dev)
const ROOT = path.resolve(import.meta.dirname, "..");
const APP_ENTRY = path.join(ROOT, "components/tech/main.tsx");
const PHOTO_WORKER_ENTRY = path.join(ROOT, "lib/offline/photos/resize-photo.worker.ts");

type TMode = TTechBundleMode;

const outDirOf = (mode: TMode) => path.join(ROOT, techBundleLocation(mode).dir);
const urlOf = (mode: TMode, file: string) =>
  `${techBundleLocation(mode).url}/${path.relative(outDirOf(mode), path.resolve(ROOT, file)).split(path.sep).join("/")}`;

function commonOptions(mode: TMode): esbuild.BuildOptions {
  const production = mode === "production";
  return {
    bundle: true,
    outdir: outDirOf(mode),
    absWorkingDir: ROOT,
    tsconfig: path.join(ROOT, "tsconfig.json"),
    target: ["es2020", "safari15", "chrome90", "firefox90"],
    minify: production,
    sourcemap: production ? false : "linked",
    legalComments: "none",
    entryNames: production ? "[name]-[hash]" : "[name]",
    chunkNames: "chunks/[name]-[hash]",
    assetNames: "assets/[name]-[hash]",
    metafile: true,
    logLevel: "warning",
    define: { "process.env.NODE_ENV": JSON.stringify(mode) },
  };
}

const outputsOf = (result: esbuild.BuildResult<{ metafile: true }>) =>
  Object.keys(result.metafile.outputs).filter((file) => !file.endsWith(".map"));

// The photo worker is a classic script (every browser that runs the app can start one) and
// is built first so the app can be told its address.
function workerOptions(mode: TMode): esbuild.BuildOptions {
  return { ...commonOptions(mode), entryPoints: { "photo-worker": PHOTO_WORKER_ENTRY }, format: "iife" };
}

function appOptions(
  mode: TMode,
  photoWorkerUrl: string,
  onBuilt?: (metafile: esbuild.Metafile) => Promise<void>,
): esbuild.BuildOptions {
  const common = commonOptions(mode);
  return {
    ...common,
    entryPoints: { "tech-app": APP_ENTRY },
    format: "esm",
    // signature_pad loads only when a signature is asked for.
    splitting: true,
    jsx: "automatic",
    define: { ...common.define, "process.env.TECH_PHOTO_WORKER_URL": JSON.stringify(photoWorkerUrl) },
    plugins: onBuilt
      ? [
          {
            name: "write-bundle-manifest",
            setup: (build) => build.onEnd((result) => (result.metafile ? onBuilt(result.metafile) : undefined)),
          },
        ]
      : [],
  };
}

// The page loads the entry's script and its stylesheet; everything built is precached.
async function writeManifest(mode: TMode, app: esbuild.Metafile, workerOutputs: string[]) {
  const [script, output] = Object.entries(app.outputs).find(([, o]) => o.entryPoint !== undefined) ?? [];
  if (!script || !output) throw new Error("The technician app build produced no entry script.");
  const url = (file: string) => urlOf(mode, file);
  const files = [...Object.keys(app.outputs).filter((file) => !file.endsWith(".map")), ...workerOutputs]
    .map(url)
    .sort();
  const bundle: TTechBundle = {
    scripts: [url(script)],
    styles: output.cssBundle ? [url(output.cssBundle)] : [],
    files,
  };
  await writeFile(path.join(ROOT, techBundleLocation(mode).manifest), `${JSON.stringify(bundle, null, 2)}\n`);
  return bundle;
}

// Last build's files go (hashed names would pile up), except the other mode's folder.
async function emptyOutDir(mode: TMode) {
  const dir = outDirOf(mode);
  const keep = path.relative(dir, outDirOf(mode === "production" ? "development" : "production"));
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(dir))
    if (entry !== keep) await rm(path.join(dir, entry), { recursive: true, force: true });
}

async function build(mode: TMode) {
  await emptyOutDir(mode);
  const workerOutputs = outputsOf(
    (await esbuild.build(workerOptions(mode))) as esbuild.BuildResult<{ metafile: true }>,
  );
  const app = (await esbuild.build(appOptions(mode, urlOf(mode, workerOutputs[0])))) as esbuild.BuildResult<{
    metafile: true;
  }>;
  return writeManifest(mode, app.metafile, workerOutputs);
}

async function watch() {
  const mode = "development";
  await emptyOutDir(mode);
  const workerContext = await esbuild.context(workerOptions(mode));
  const workerOutputs = outputsOf((await workerContext.rebuild()) as esbuild.BuildResult<{ metafile: true }>);
  const appContext = await esbuild.context(
    appOptions(mode, urlOf(mode, workerOutputs[0]), async (metafile) => {
      await writeManifest(mode, metafile, workerOutputs);
    }),
  );
  await Promise.all([workerContext.watch(), appContext.watch()]);
  console.log(`Technician app: watching, built into ${techBundleLocation(mode).dir}/`);
}

if (process.argv.includes("--watch")) {
  await watch();
} else {
  const started = Date.now();
  const bundle = await build("production");
  console.log(
    `Technician app built in ${Date.now() - started} ms: ${bundle.files.length} files in ${techBundleLocation("production").dir}/`,
  );
}
