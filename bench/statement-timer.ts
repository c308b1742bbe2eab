// Times every statement at the pg driver (from the client's query call to its answer), for
// the benchmarks' "database time": the sum over a page's statements, whichever ran at
// once. Install before the app's database client is made.
import { performance } from "node:perf_hooks";
import pg from "pg";

export type TStatementTotals = { statements: number; ms: number };
const totals: TStatementTotals = { statements: 0, ms: 0 };

export function installStatementTimer() {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function timedQuery(this: pg.Client, ...args: unknown[]) {
    const started = performance.now();
    const done = () => {
      totals.statements += 1;
      totals.ms += performance.now() - started;
    };
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (...results: unknown[]) => void;
      args[callbackAt] = (...results: unknown[]) => {
        done();
        callback(...results);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result instanceof Promise) return result.finally(done);
    return result;
  } as typeof pg.Client.prototype.query;
}

// The statements run and their time since the last call.
export function takeStatementTotals(): TStatementTotals {
  const taken = { ...totals };
  totals.statements = 0;
  totals.ms = 0;
  return taken;
}
