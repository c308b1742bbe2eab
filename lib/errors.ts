import { isDatabaseUnavailable } from "@/lib/database/unavailable";

// One error type for the whole domain. Codes map to HTTP status in one place, and the
// action clients turn them into the typed results forms display.
export type TErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "INVALID_INPUT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "CONFLICT"
  | "INVALID_TRANSITION"
  | "RATE_LIMITED"
  | "LINK_EXPIRED"
  | "LINK_USED"
  | "UNAVAILABLE"
  | "INTERNAL";

export type TFieldErrors = Record<string, string[]>;

export const HTTP_STATUS: Record<TErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  LINK_EXPIRED: 410,
  LINK_USED: 410,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    public readonly code: TErrorCode,
    message: string,
    public readonly fieldErrors?: TFieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what = "Record") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "You do not have permission to do that") => new AppError("FORBIDDEN", message);
export const invalidInput = (message: string, fieldErrors?: TFieldErrors) =>
  new AppError("INVALID_INPUT", message, fieldErrors);

// Prisma error codes carried by the driver adapter; P2002 (unique) and P2025 (missing
// row) are answers, not crashes.
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error))
    return new AppError("UNAVAILABLE", "The database is not answering. Try again in a moment; nothing was changed.");
  const code = (error as { code?: unknown })?.code;
  if (code === "P2002") return new AppError("CONFLICT", "That already exists");
  if (code === "P2025") return notFound();
  if (code === "P2023" || code === "22P02") return invalidInput("Malformed identifier");
  // Any other data exception from PostgreSQL (a date or number it cannot store): the input
  // was bad, and the statement changed nothing.
  const cause = (error as { cause?: { kind?: unknown; code?: unknown } })?.cause;
  if (cause?.kind === "postgres" && typeof cause.code === "string" && cause.code.startsWith("22"))
    return invalidInput("A value is out of the range that can be stored.");
  return new AppError("INTERNAL", "Something went wrong on our side; nothing was changed. Please try again.");
}
