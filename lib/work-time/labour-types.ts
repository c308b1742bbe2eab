export const LABOUR_TYPES = ["NORMAL", "OVERTIME", "CALLOUT", "TRAVEL"] as const;
export type TLabourType = (typeof LABOUR_TYPES)[number];

export const LABOUR_TYPE_LABELS: Record<TLabourType, string> = {
  NORMAL: "Normal",
  OVERTIME: "Overtime",
  CALLOUT: "Call-out",
  TRAVEL: "Travel",
};

export const COST_CATEGORIES = ["MATERIAL", "PART", "TRAVEL", "SUBCONTRACT"] as const;
export type TCostCategory = (typeof COST_CATEGORIES)[number];

export const COST_CATEGORY_LABELS: Record<TCostCategory, string> = {
  MATERIAL: "Materials",
  PART: "Parts",
  TRAVEL: "Travel",
  SUBCONTRACT: "Subcontracted",
};
