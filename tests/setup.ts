import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.JOBS = "off";
process.env.STORAGE_DIR ??= "data/test-files";
