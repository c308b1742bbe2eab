import { describe, expect, it } from "vitest";
import { createAutoSync, type TTimers } from "./auto-sync";
import type { TSyncEngine, TSyncReport } from "./sync-engine";

// A clock the test moves by hand: timers run when their time comes, in order.
function manualClock() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: TTimers = {
    setTimeout: (run, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    timers,
    now: () => now,
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        await settle();
        const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
      await settle();
    },
  };
}

// An engine whose every run answers as the network currently lets it.
function scriptedEngine(clock: { now: () => number }) {
  const state = { network: "up" as "up" | "down" | "server-error", runs: [] as number[] };
  const engine: TSyncEngine = {
    syncNow: async (): Promise<TSyncReport> => {
      state.runs.push(clock.now());
      if (state.network === "up") return { ok: true, pushed: 1 };
      if (state.network === "down") return { ok: false, pushed: 0, error: "No connection", offline: true };
      return { ok: false, pushed: 0, error: "Fieldgate is not answering (503)." };
    },
  };
  return { engine, state };
}

describe("when the technician app syncs", () => {
  it("offline with changes waiting: probes every 5 s, never backs off, and syncs within 5 s of the network returning", async () => {
    const clock = manualClock();
    const { engine, state } = scriptedEngine(clock);
    state.network = "down";
    const probes: number[] = [];
    const reports: TSyncReport[] = [];
    const autoSync = createAutoSync(engine, {
      reachable: async () => (probes.push(clock.now()), state.network !== "down"),
      waiting: async () => true,
      timers: clock.timers,
    });
    autoSync.start((report) => reports.push(report));
    // Two hours on site with no signal, a change saved every few minutes.
    for (let minute = 0; minute < 120; minute += 5) {
      await clock.advance(5 * 60_000);
      autoSync.kick();
    }
    const gaps = probes.slice(1).map((at, i) => at - probes[i]);
    expect(Math.max(...gaps.filter((gap) => gap > 0))).toBe(5_000);
    expect(reports.every((r) => r.offline)).toBe(true);

    // The signal returns upstream of the phone: no `online` event, no tap.
    await clock.advance(3_000);
    state.network = "up";
    const back = clock.now();
    await clock.advance(5_000);
    const firstRunAfter = state.runs.find((at) => at >= back);
    expect(firstRunAfter).toBeDefined();
    expect(firstRunAfter! - back).toBeLessThanOrEqual(5_000);
    expect(reports.at(-1)).toMatchObject({ ok: true });
    autoSync.stop();
  });

  it("backs off only when the server itself fails, up to 5 minutes, and syncs every 30 s when all is well", async () => {
    const clock = manualClock();
    const { engine, state } = scriptedEngine(clock);
    state.network = "server-error";
    const autoSync = createAutoSync(engine, {
      reachable: async () => true,
      waiting: async () => true,
      timers: clock.timers,
    });
    autoSync.start(() => undefined);
    await clock.advance(60 * 60_000);
    const gaps = state.runs.slice(1).map((at, i) => at - state.runs[i]);
    expect(gaps.slice(0, 5)).toEqual([4_000, 8_000, 16_000, 32_000, 64_000]);
    expect(Math.max(...gaps)).toBe(5 * 60_000);

    state.network = "up";
    autoSync.kick();
    await clock.advance(1);
    const upFrom = state.runs.length;
    await clock.advance(90_000);
    expect(state.runs.slice(upFrom).map((at, i, all) => (i ? at - all[i - 1] : 30_000))).toEqual([
      30_000, 30_000, 30_000,
    ]);
    autoSync.stop();
  });

  it("stops for good: no run or probe after stop()", async () => {
    const clock = manualClock();
    const { engine, state } = scriptedEngine(clock);
    state.network = "down";
    const autoSync = createAutoSync(engine, {
      reachable: async () => false,
      waiting: async () => true,
      timers: clock.timers,
    });
    autoSync.start(() => undefined);
    await clock.advance(1);
    autoSync.stop();
    const runs = state.runs.length;
    await clock.advance(10 * 60_000);
    expect(state.runs.length).toBe(runs);
  });
});
