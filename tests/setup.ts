import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.JOBS = "off";
process.env.STORAGE_DIR ??= "data/test-files";
// Seals the link secrets of queued emails (lib/auth/sealed-box.ts).
process.env.AUTH_SECRET ??= "vitest-secret-vitest-secret-vitest-secret";
