import "server-only";
import { isDemoMode } from "@/lib/auth/demo";
import { db } from "@/lib/db";
import { emailProviderConfigured, env } from "@/lib/env";

// What this instance says about itself at start-up: which mode it runs in, and the
// configuration that would surprise someone who did not choose it.
export async function runtimeReport(): Promise<{ info: string[]; warnings: string[] }> {
  const demo = await isDemoMode();
  const provider = emailProviderConfigured();
  const demoReason =
    env.DEMO_MODE === "auto"
      ? demo
        ? " (demo data present)"
        : " (no demo data)"
      : env.demoModeChosen
        ? ` (DEMO_MODE=${env.DEMO_MODE})`
        : " (the production default)";
  const info = [
    `Fieldgate: ${env.NODE_ENV} mode, demo mode ${demo ? "on" : "off"}${demoReason}, email through ${provider ? "Resend" : "the built-in mailbox (no provider)"}, jobs ${env.JOBS}`,
  ];
  const warnings: string[] = [];
  if (!demo && (await db.user.count({ where: { isDemo: true } })) > 0) {
    warnings.push(
      "The database holds the demo personas but demo mode is off: they cannot sign in (their published password is refused). Remove them from a real installation.",
    );
  }
  if (env.NODE_ENV === "production" && env.APP_URL.startsWith("https://") && env.TRUSTED_PROXIES.kind === "none") {
    warnings.push(
      "APP_URL is https but TRUSTED_PROXIES is unset: if a proxy in front terminates HTTPS, every client shares its address and per-IP limits apply to all at once. Set TRUSTED_PROXIES.",
    );
  }
  if (demo && env.NODE_ENV === "production")
    warnings.push(
      "Demo mode is on: anyone can sign in as a demo persona and read the mailbox. Turn it off with DEMO_MODE=off.",
    );
  if (!provider && !demo) {
    warnings.push(
      "No email provider is configured (RESEND_API_KEY) and demo mode is off: sign-in links and notifications cannot reach anyone. They stay in the outbox; admins see their organisation's emails at /mailbox with every link hidden.",
    );
  }
  if (env.TEST_CLOCK)
    warnings.push(
      "TEST_CLOCK is on: anyone can move this server's clock forward at /api/test/clock. It is for browser tests only.",
    );
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(new URL(env.APP_URL).hostname);
  if (env.NODE_ENV === "production" && !env.APP_URL.startsWith("https://") && !local)
    warnings.push(`APP_URL is ${env.APP_URL}: links in emails and cookies are not protected by HTTPS.`);
  return { info, warnings };
}
