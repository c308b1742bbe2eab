// What `npm run dev` and `npm start` do before the server starts. The quick start
// (`npm run dev`) seeds the demo data into an empty database; production (`npm start`)
// seeds nothing unless FIELDGATE_SEED=on asks for it, and its demo mode stays off unless
// DEMO_MODE asks for it (lib/env.ts).
export type TServeMode = "dev" | "start";
export type TStartupPlan = {
  seedDemoData: boolean;
  port: number;
  hostname: string | undefined;
  unknownArgs: string[];
  nodeArgs: string[];
};

// The production server's V8 old-generation limit, in MiB. Left alone, V8 takes about
// 4 GiB on a machine of 16 GiB or more, and with a limit of 2 GiB or more it lets the heap
// grow to 4 times what survived the last full collection before collecting again, and
// keeps it while idle: a list-page load took an instance from 220 MiB to 0.5–0.7 GiB of
// RSS (1.3 GiB reported) with about 75 MiB live. With 1 GiB the factor is 1.6 and the same
// load stays near 330 MiB (npm run bench:memory); 1 GiB is still far more than a request
// needs (the CSV export streams page by page). A --max-old-space-size in NODE_OPTIONS wins.
export const PRODUCTION_HEAP_MIB = 1024;

export function startupPlan(
  mode: TServeMode,
  args: string[],
  environment: Record<string, string | undefined>,
): TStartupPlan {
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
  const heapChosen = /--max-old-space-size\b/.test(environment.NODE_OPTIONS ?? "");
  const nodeArgs = mode === "start" && !heapChosen ? [`--max-old-space-size=${PRODUCTION_HEAP_MIB}`] : [];
  return {
    seedDemoData: seedSetting === undefined ? mode === "dev" : seedSetting === "on",
    port,
    hostname,
    unknownArgs,
    nodeArgs,
  };
}
