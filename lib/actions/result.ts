import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, toAppError, type TErrorCode, type TFieldErrors } from "@/lib/errors";

export type TActionError = { code: TErrorCode; message: string; fieldErrors?: TFieldErrors };
export type TActionResult<T> = { ok: true; data: T } | { ok: false; error: TActionError };

// Forms post FormData; programmatic callers pass objects. Both are validated the same way.
export function inputFromForm(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in out) {
      const previous = out[key];
      out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(inputFromForm(input));
  if (parsed.success) return parsed.data;
  const fieldErrors: TFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("INVALID_INPUT", "Please correct the highlighted fields.", fieldErrors);
}

export async function runAction<T>(work: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") console.error(error);
    return { ok: false, error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors } };
  }
}
