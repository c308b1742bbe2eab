// The database did not answer in time, or could not be reached: a statement or lock
// timeout, a connection that could not be made or was cut, a server shutting down. Pages
// show "the database is not answering" and API routes answer 503 for these, never a hang.
// No dependencies: the error boundary (a client component) reads the digest.
export const DATABASE_UNAVAILABLE_DIGEST = "FIELDGATE_DATABASE_UNAVAILABLE";

// PostgreSQL's codes: 57014 statement timeout, 55P03 lock timeout, 57P01-57P03 shutting
// down or not yet accepting, 53300 too many connections, class 08 connection exceptions.
const UNAVAILABLE_CODES = /^(57014|55P03|57P0[123]|53300|08\w{3})$/;
// What the driver adapter and the pool say when there is no connection to be had.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "SocketTimeout"]);
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|ECONNRESET|Can't reach database server/i;

type TCause = { code?: unknown; kind?: unknown; message?: unknown };

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    digest?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: TCause;
    meta?: { driverAdapterError?: { cause?: TCause } };
  } | null;
  if (!e) return false;
  if (e.digest === DATABASE_UNAVAILABLE_DIGEST) return true;
  const causes: (TCause | undefined)[] = [e as TCause, e.cause, e.meta?.driverAdapterError?.cause];
  for (const cause of causes) {
    if (!cause) continue;
    if (typeof cause.code === "string" && UNAVAILABLE_CODES.test(cause.code)) return true;
    if (typeof cause.kind === "string" && UNAVAILABLE_KINDS.has(cause.kind)) return true;
  }
  return typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message);
}

// Marks such an error so that it reaches a page's error boundary recognisable: Next.js
// keeps an error's own digest.
export function markIfUnavailable(error: unknown): unknown {
  if (isDatabaseUnavailable(error) && error && typeof error === "object")
    (error as { digest?: string }).digest = DATABASE_UNAVAILABLE_DIGEST;
  return error;
}
