import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("the environment", () => {
  it("refuses a short AUTH_SECRET, naming it", () => {
    expect(() => parseEnv({ AUTH_SECRET: "too-short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(parseEnv({ AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toBe("x".repeat(32));
  });

  it("runs production without demo mode unless it is asked for", () => {
    expect(parseEnv({ NODE_ENV: "production" })).toMatchObject({ DEMO_MODE: "off", demoModeChosen: false });
    expect(parseEnv({ NODE_ENV: "production", DEMO_MODE: "on" })).toMatchObject({
      DEMO_MODE: "on",
      demoModeChosen: true,
    });
    expect(parseEnv({ NODE_ENV: "development" }).DEMO_MODE).toBe("auto");
    expect(() => parseEnv({ DEMO_MODE: "yes" })).toThrow(/DEMO_MODE/);
  });

  it("reads the trusted proxies and refuses a malformed list", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual({ kind: "none" });
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toEqual({ kind: "hops", count: 2 });
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow(/TRUSTED_PROXIES/);
  });
});
