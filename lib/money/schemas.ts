import { z } from "zod";
import { isKnownCurrency } from "./currency";
import { Decimal } from "./decimal";
import { isWithinMaxAmount, MAX_AMOUNT_TEXT } from "./max-amount";
import { NOT_AN_AMOUNT, parseMoneyInput, readAmountText } from "./parse-money-input";

export const ZCurrency = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine(isKnownCurrency, "Choose a currency by its three-letter ISO 4217 code, such as GBP or EUR");

// An optional amount field, zero or more, as its canonical decimal string, or absent when
// empty. In a known currency it is held to the currency's minor unit ("JPY has no
// decimals"), so the form shows that beside the field with every other error; without one
// (a schema shared before the currency is known) it takes 3 decimals at most, and the
// server holds it to the organisation's currency (checkAmountForCurrency).
export function zAmountIn(currency?: string) {
  return z
    .string()
    .trim()
    .transform((raw, context) => {
      if (raw === "") return undefined;
      const digits = readAmountText(raw);
      if (digits === null) {
        context.addIssue({ code: "custom", message: NOT_AN_AMOUNT });
        return z.NEVER;
      }
      if (new Decimal(digits).isNegative()) {
        context.addIssue({ code: "custom", message: "An amount cannot be negative" });
        return z.NEVER;
      }
      if (!isWithinMaxAmount(digits)) {
        context.addIssue({ code: "custom", message: `Enter at most ${MAX_AMOUNT_TEXT}` });
        return z.NEVER;
      }
      if (!currency) {
        if ((digits.split(".")[1]?.length ?? 0) <= 3) return new Decimal(digits).toString();
        context.addIssue({ code: "custom", message: NOT_AN_AMOUNT });
        return z.NEVER;
      }
      const parsed = parseMoneyInput(digits, currency);
      if (parsed.ok) return parsed.value;
      context.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    });
}

export const ZAmountText = zAmountIn();
