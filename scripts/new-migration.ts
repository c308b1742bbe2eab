import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL from the last committed schema to the current one. (`prisma migrate dev`
// needs a shadow database, which the driver-adapter setup cannot use here; see STACK.md.)
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}
const committed = path.join(tmpdir(), `schema-${process.pid}.prisma`);
writeFileSync(committed, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const sql = execFileSync(
  "node_modules/.bin/prisma",
  [
    "migrate",
    "diff",
    "--from-schema-datamodel",
    committed,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  {
    encoding: "utf8",
  },
);
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("The schema has not changed since the last commit; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql`);
