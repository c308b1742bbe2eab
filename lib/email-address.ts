import { z } from "zod";

// An email address as every form takes it: trimmed, lower-cased, and no longer than the
// 254 characters an address can have (RFC 5321), checked before the format so a huge
// paste gets a clear message rather than a slow or confusing one.
export const MAX_EMAIL_LENGTH = 254;

export const zEmail = (message = "Enter a valid email address") =>
  z
    .string()
    .trim()
    .max(MAX_EMAIL_LENGTH, `An email address has at most ${MAX_EMAIL_LENGTH} characters`)
    .toLowerCase()
    .email(message);

export const ZEmailSchema = zEmail();
