import { startFakeResend } from "./fake-resend";

// The fake Resend as its own process, for the Playwright run (playwright.config.ts starts
// it next to the app). Usage: node --import tsx tests/fake-resend-server.ts PORT
const port = Number(process.argv[2]);
if (!Number.isInteger(port)) throw new Error("Usage: fake-resend-server.ts PORT");
const fake = await startFakeResend({ port });
console.log(`Fake Resend on ${fake.url}`);
process.on("SIGTERM", () => void fake.stop().then(() => process.exit(0)));
process.on("SIGINT", () => void fake.stop().then(() => process.exit(0)));
