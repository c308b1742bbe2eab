import { z } from "zod";

// Parsed once; every other module reads configuration from here. A malformed variable
// stops the process with a message naming it.
const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32).optional(),
  EMAIL_FROM: z.string().default("Fieldgate <no-reply@fieldgate.local>"),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  STORAGE_DIR: z.string().default("./data/files"),
  // "auto": on when the database holds the demo seed.
  DEMO_MODE: z.enum(["auto", "on", "off"]).default("auto"),
  JOBS: z.enum(["on", "off"]).default("on"),
  SIGN_IN_LINK_MINUTES: z.coerce.number().int().positive().default(15),
  LINK_RATE_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LINK_RATE_PER_IP: z.coerce.number().int().positive().default(30),
  PASSWORD_RATE_PER_EMAIL: z.coerce.number().int().positive().default(10),
  PASSWORD_RATE_PER_IP: z.coerce.number().int().positive().default(30),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

function parseEnv(): TEnv {
  const result = ZEnvSchema.safeParse(process.env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`Invalid environment: ${problems}`);
}

export const env = parseEnv();

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL && !process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` (embedded PostgreSQL) or set DATABASE_URL.");
  }
  return (process.env.DATABASE_URL ?? env.DATABASE_URL)!;
}
