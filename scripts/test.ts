import { spawnSync } from "node:child_process";
import { prepareTestDatabase } from "../tests/test-database";

// `npm test`: type-check, lint, unit + integration tests on real PostgreSQL, a production
// build, the Playwright tests in Chromium against it, and the technician app's flow in
// WebKit (tests/webkit). Uses DATABASE_URL when set,
// otherwise an embedded PostgreSQL under ./data/pg-test.
// `npm test -- --only static|unit|e2e|playwright|webkit` runs one part; `playwright` and
// `webkit` reuse the last build, and arguments after `--` go to Playwright (a spec file, --repeat-each 5…).
const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const passThrough = args.includes("--") ? args.slice(args.indexOf("--") + 1) : [];

const database = await prepareTestDatabase();
// The server and the tests run in UTC; organisations, sites and the browser are elsewhere.
const env = { ...process.env, DATABASE_URL: database.databaseUrl, NEXT_TELEMETRY_DISABLED: "1", TZ: "UTC" };

type TStep = { name: string; group: string; command: string[] };
const steps: TStep[] = [
  { name: "typecheck", group: "static", command: ["node_modules/.bin/tsc", "--noEmit"] },
  { name: "typecheck (service worker)", group: "static", command: ["node_modules/.bin/tsc", "--noEmit", "-p", "sw"] },
  { name: "lint", group: "static", command: ["node_modules/.bin/eslint", ".", "--max-warnings=0"] },
  { name: "format", group: "static", command: ["node_modules/.bin/prettier", "--check", "--log-level=warn", "."] },
  { name: "unit and integration tests", group: "unit", command: ["node_modules/.bin/vitest", "run"] },
  {
    name: "sync fault test",
    group: "unit",
    command: [
      process.execPath,
      "--conditions=react-server",
      "--import",
      "tsx",
      "tests/sync-faults/run.ts",
      "--runs",
      "1000",
    ],
  },
  {
    name: "technician app build",
    group: "e2e",
    command: [process.execPath, "--import", "tsx", "scripts/build-tech-app.ts"],
  },
  { name: "production build", group: "e2e", command: ["node_modules/.bin/next", "build", "--webpack"] },
  { name: "end-to-end tests", group: "e2e", command: ["node_modules/.bin/playwright", "test", ...passThrough] },
  {
    name: "technician app in WebKit",
    group: "e2e",
    command: [process.execPath, "--import", "tsx", "tests/webkit/run.ts"],
  },
];

const results: { name: string; ok: boolean; seconds: number }[] = [];
const reusingBuild: Record<string, string> = { playwright: "end-to-end tests", webkit: "technician app in WebKit" };
const selected =
  only && reusingBuild[only]
    ? steps.filter((s) => s.name === reusingBuild[only])
    : steps.filter((s) => !only || s.group === only);
for (const step of selected) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), { stdio: "inherit", env });
  const ok = run.status === 0;
  results.push({ name: step.name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok) break;
}
await database.stop();

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
