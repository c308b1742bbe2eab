import { toDecimal, type TDecimalInput } from "./decimal";

// The largest amount an amount column holds (DECIMAL(14, 3): 11 digits before the point),
// to the cent: every amount a form takes, and every total made from them, stays within it,
// so a figure that fits the form never fails in the database.
export const MAX_AMOUNT = "99999999999.99";
export const MAX_AMOUNT_TEXT = "99,999,999,999.99";

export const isWithinMaxAmount = (amount: TDecimalInput) => toDecimal(amount).lessThanOrEqualTo(MAX_AMOUNT);
