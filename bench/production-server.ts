// The production build the Playwright tests serve, for benchmarks that measure pages: built
// when missing (or with --build), then served with the same command and environment.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { techBundleLocation } from "../lib/tech-app/bundle";
import type { appWebServer } from "../playwright.config";

type TWebServer = typeof appWebServer;

export function buildIfNeeded() {
  const reasons: [boolean, string][] = [
    [process.argv.includes("--build"), "--build given"],
    [!existsSync(".next/BUILD_ID"), "no build yet"],
    [!existsSync("public/sw.js"), "no service worker (not a webpack build)"],
    [!existsSync(techBundleLocation("production").manifest), "no technician bundle"],
  ];
  const reason = reasons.find(([applies]) => applies)?.[1];
  if (!reason) return;
  console.log(`# building (${reason}): npm run build`);
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) throw new Error("The production build failed.");
}

export async function startServer(webServer: TWebServer) {
  const [command, ...args] = webServer.command.split(" ");
  const server = spawn(command, args, { env: webServer.env, stdio: ["ignore", "ignore", "inherit"] });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server stopped (exit code ${server.exitCode}).`);
    const healthy = await fetch(webServer.url).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error(`The server did not answer ${webServer.url} within 2 minutes.`);
}
