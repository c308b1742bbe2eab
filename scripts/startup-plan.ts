// What `npm run dev` and `npm start` do before the server starts. The quick start
// (`npm run dev`) seeds the demo data into an empty database; production (`npm start`)
// seeds nothing unless FIELDGATE_SEED=on asks for it, and its demo mode stays off unless
// DEMO_MODE asks for it (lib/env.ts).
export type TServeMode = "dev" | "start";
export type TStartupPlan = { seedDemoData: boolean; port: number; hostname: string | undefined; unknownArgs: string[] };

export function startupPlan(mode: TServeMode, args: string[], environment: Record<string, string | undefined>): TStartupPlan {
  const seedSetting = environment.FIELDGATE_SEED;
  if (seedSetting !== undefined && seedSetting !== "on" && seedSetting !== "off") {
    throw new Error(`Invalid environment: FIELDGATE_SEED: must be "on" or "off", not "${seedSetting}"`);
  }
  let port = Number(environment.PORT ?? 3000);
  let hostname = environment.LISTEN_HOST;
  const unknownArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-p" || arg === "--port") port = Number(args[++i]);
    else if (arg === "-H" || arg === "--hostname") hostname = args[++i];
    else unknownArgs.push(arg);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Invalid port: ${port}`);
  return { seedDemoData: seedSetting === undefined ? mode === "dev" : seedSetting === "on", port, hostname, unknownArgs };
}
