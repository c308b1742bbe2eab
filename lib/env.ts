import "server-only";
import { z } from "zod";
import { ZTrustedProxiesSchema } from "./client-address";

// Parsed once; every other module reads configuration from here. A malformed variable
// stops the process with a message naming it.
const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().url().optional(),
    APP_URL: z.string().url().default("http://localhost:3000"),
    // Signs sessions and seals the link secrets of emails waiting in the outbox.
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    EMAIL_FROM: z.string().default("Fieldgate <no-reply@fieldgate.local>"),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.string().url().optional(),
    // SMS through Twilio when all three are set; otherwise texts stay in the SMS log.
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-f]{32}$/, "must look like AC followed by 32 hex digits")
      .optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    TWILIO_FROM: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, "must be a number in E.164, e.g. +447700900123")
      .optional(),
    // Tests only: where the Twilio SDK's requests go instead of api.twilio.com.
    TWILIO_API_BASE: z.string().url().optional(),
    STORAGE_DIR: z.string().default("./data/files"),
    // Unset: S3 when S3_BUCKET is set, otherwise the local folder.
    STORAGE_DRIVER: z.enum(["local", "s3"]).optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ENDPOINT: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. http://127.0.0.1:9000" })
      .optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
    // Unset: "auto" (on when the database holds the demo data) in development, "off" in
    // production, so a production server is never a demo unless asked to be.
    DEMO_MODE: z.enum(["auto", "on", "off"]).optional(),
    // Browser tests only: lets POST /api/test/clock move this server's clock forward
    // (lib/time/now.ts). Never set it on a real installation.
    TEST_CLOCK: z.stringbool().default(false),
    // "off": this instance runs no background jobs (run them in `npm run worker` instead).
    JOBS: z.enum(["on", "off"]).default("on"),
    // The PostgreSQL schema of the job queue (graphile-worker); the tests give each test
    // process its own.
    JOBS_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case PostgreSQL identifier")
      .default("graphile_worker"),
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
    // The web instances' database connections: a statement running longer, a lock waited
    // for longer, or a connection not had within these is given up (pages then say the
    // database is not answering; API routes answer 503). Migrations, seeding, benches and
    // the job queue's own connections keep their settings.
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(3_000),
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(3_000),
    // Resend answers 429 above this many requests a second (per team).
    // Staff home: an offer the contractor has not answered in this many hours needs a chase.
    OFFER_ANSWER_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    // How many tasks a technician's phone keeps: the most urgent open ones first.
    TECH_DEVICE_TASKS: z.coerce.number().int().min(20).max(2000).default(200),
    // A line per applied sync mutation ("[sync] applied 2/40"): for tracing a device's sync.
    LOG_SYNC: z.stringbool().default(false),
    RESEND_REQUESTS_PER_SECOND: z.coerce.number().positive().max(100).default(2),
    // The proxies in front of the app whose X-Forwarded-For may be believed: a hop count
    // or a list of addresses. Unset: none, the client address is the TCP peer.
    TRUSTED_PROXIES: ZTrustedProxiesSchema,
    SIGN_IN_LINK_MINUTES: z.coerce.number().int().positive().default(15),
    LINK_RATE_PER_EMAIL: z.coerce.number().int().positive().default(5),
    LINK_RATE_PER_IP: z.coerce.number().int().positive().default(30),
    // Password guesses per 15 minutes: from one IP at one account, at one account from
    // anywhere (looser, so an attacker cannot lock the owner out), and from one IP.
    PASSWORD_RATE_PER_EMAIL_IP: z.coerce.number().int().positive().default(10),
    PASSWORD_RATE_PER_EMAIL: z.coerce.number().int().positive().default(100),
    PASSWORD_RATE_PER_IP: z.coerce.number().int().positive().default(30),
  })
  .superRefine((value, context) => {
    if (storageDriver(value) === "s3" && !value.S3_BUCKET) {
      context.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when STORAGE_DRIVER=s3" });
    }
    // Half a key pair would silently fall back to the SDK's own credential chain.
    if (value.S3_ACCESS_KEY_ID && !value.S3_SECRET_ACCESS_KEY) {
      context.addIssue({
        code: "custom",
        path: ["S3_SECRET_ACCESS_KEY"],
        message: "is required when S3_ACCESS_KEY_ID is set",
      });
    }
    if (value.S3_SECRET_ACCESS_KEY && !value.S3_ACCESS_KEY_ID) {
      context.addIssue({
        code: "custom",
        path: ["S3_ACCESS_KEY_ID"],
        message: "is required when S3_SECRET_ACCESS_KEY is set",
      });
    }
  })
  .transform((value) => ({
    ...value,
    DEMO_MODE: value.DEMO_MODE ?? (value.NODE_ENV === "production" ? ("off" as const) : ("auto" as const)),
    demoModeChosen: value.DEMO_MODE !== undefined,
  }));

export type TEnv = z.infer<typeof ZEnvSchema>;

export function storageDriver(config: { STORAGE_DRIVER?: "local" | "s3"; S3_BUCKET?: string }): "local" | "s3" {
  return config.STORAGE_DRIVER ?? (config.S3_BUCKET ? "s3" : "local");
}

export function parseEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const result = ZEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`Invalid environment: ${problems}`);
}

export const env = parseEnv();

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run dev` (embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return env.DATABASE_URL;
}

export function requireAuthSecret(): string {
  if (!env.AUTH_SECRET)
    throw new Error(
      "AUTH_SECRET is not set. Set it (32+ characters) on every instance; `npm run dev` and `npm start` make one for local runs.",
    );
  return env.AUTH_SECRET;
}

// With all three, texts leave through Twilio; otherwise they stay in the SMS log.
export function smsProviderConfigured(): boolean {
  return Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM);
}

// With a provider, email leaves the installation; without one it stays in the outbox,
// readable in the built-in mailbox.
export function emailProviderConfigured(): boolean {
  return Boolean(env.RESEND_API_KEY);
}
