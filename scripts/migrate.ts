import { prepareDatabase } from "./database";

// `npm run migrate`: the database DATABASE_URL names exists and every migration is
// applied (under an advisory lock: several instances starting together apply each once),
// then it exits. A container runs this, then execs the server as its PID 1 (README).
if (!process.env.DATABASE_URL) {
  console.error("Invalid environment: DATABASE_URL: set it to the PostgreSQL to migrate");
  process.exit(1);
}
await prepareDatabase();
process.exit(0);
