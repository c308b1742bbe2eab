// The present, as the app, its jobs and its SQL comparisons read it (passed to SQL as a
// parameter, never SQL's now(), where a test must move it). It is the machine's clock,
// moved forward only on a server started for browser tests (TEST_CLOCK=on, see
// app/api/test/clock), so deadlines, reminders and timeouts can come due in a test.
// The offset lives on the process, shared by every bundle of the server within it.
const OFFSET = Symbol.for("fieldgate.testClockOffsetMs");
type TClockHolder = { [OFFSET]?: number };

export function now(): Date {
  return new Date(Date.now() + ((globalThis as TClockHolder)[OFFSET] ?? 0));
}

export function testClockOffsetMs(): number {
  return (globalThis as TClockHolder)[OFFSET] ?? 0;
}

// Only the test clock's route calls this, and only on a server started for tests.
export function setTestClockOffsetMs(offsetMs: number): void {
  (globalThis as TClockHolder)[OFFSET] = offsetMs;
}
