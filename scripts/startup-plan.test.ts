import { describe, expect, it } from "vitest";
import { startupPlan } from "./startup-plan";

describe("start-up plan", () => {
  it("the quick start seeds the demo data; production seeds nothing unless asked", () => {
    expect(startupPlan("dev", [], {}).seedDemoData).toBe(true);
    expect(startupPlan("start", [], {}).seedDemoData).toBe(false);
    expect(startupPlan("start", [], { FIELDGATE_SEED: "on" }).seedDemoData).toBe(true);
    expect(startupPlan("dev", [], { FIELDGATE_SEED: "off" }).seedDemoData).toBe(false);
  });

  it("takes the port and host from the environment or from -p / -H", () => {
    expect(startupPlan("dev", [], {})).toMatchObject({ port: 3000, hostname: undefined });
    expect(startupPlan("dev", [], { PORT: "4100" }).port).toBe(4100);
    expect(startupPlan("start", ["-p", "3917", "-H", "127.0.0.1"], { PORT: "4100" })).toMatchObject({
      port: 3917,
      hostname: "127.0.0.1",
      unknownArgs: [],
    });
    expect(startupPlan("start", ["--port", "3918", "--turbo"], {})).toMatchObject({
      port: 3918,
      unknownArgs: ["--turbo"],
    });
  });

  it("caps the production server's heap, unless NODE_OPTIONS already does; development is left alone", () => {
    expect(startupPlan("start", [], {}).nodeArgs).toEqual(["--max-old-space-size=1024"]);
    expect(
      startupPlan("start", [], { NODE_OPTIONS: "--max-old-space-size=3072 --enable-source-maps" }).nodeArgs,
    ).toEqual([]);
    expect(startupPlan("dev", [], {}).nodeArgs).toEqual([]);
  });

  it("refuses a malformed setting instead of guessing", () => {
    expect(() => startupPlan("start", [], { FIELDGATE_SEED: "yes" })).toThrow(/FIELDGATE_SEED/);
    expect(() => startupPlan("start", ["-p", "http"], {})).toThrow(/port/);
  });
});
