import "server-only";
import { createHash } from "node:crypto";
import { toDecimal, type TDecimalInput } from "@/lib/money/decimal";

type TEditable = {
  title: string;
  description: string;
  siteId: string;
  assetId: string | null;
  categoryId: string | null;
  priority: string;
  dueAt: Date | null;
  purchaseOrder: string | null;
  notToExceed: TDecimalInput | null;
  internalNotes: string | null;
};

export const EDITABLE_FIELD_LABELS: Record<keyof TEditable, string> = {
  title: "title",
  description: "description",
  siteId: "site",
  assetId: "asset",
  categoryId: "trade",
  priority: "priority",
  dueAt: "due date",
  purchaseOrder: "purchase order",
  notToExceed: "not-to-exceed amount",
  internalNotes: "internal notes",
};

// Fields the contractor sees; a change to one of these is worth telling them about.
export const CONTRACTOR_VISIBLE_FIELDS: (keyof TEditable)[] = [
  "title",
  "description",
  "siteId",
  "assetId",
  "categoryId",
  "priority",
  "dueAt",
  "purchaseOrder",
  "notToExceed",
];

function comparable(fields: TEditable): Record<string, string | number | null> {
  return Object.fromEntries(
    (Object.keys(EDITABLE_FIELD_LABELS) as (keyof TEditable)[]).map((key) => {
      const value = fields[key];
      if (value instanceof Date) return [key, value.toISOString()];
      // 350.5 and 350.50 are one amount.
      if (key === "notToExceed" && value !== null) return [key, toDecimal(value as TDecimalInput).toString()];
      return [key, (value as string | null) ?? null];
    }),
  );
}

export function editableFieldsFingerprint(fields: TEditable): string {
  return createHash("sha256")
    .update(JSON.stringify(comparable(fields)))
    .digest("hex");
}

export function changedFields(before: TEditable, after: TEditable): (keyof TEditable)[] {
  const a = comparable(before);
  const b = comparable(after);
  return (Object.keys(EDITABLE_FIELD_LABELS) as (keyof TEditable)[]).filter((key) => a[key] !== b[key]);
}
