// The four views a customer's link opens: one work order, in one of them.
export const PORTAL_VIEWS = ["work_authorization", "estimate", "progress", "invoice"] as const;
export type TPortalView = (typeof PORTAL_VIEWS)[number];

export const PORTAL_VIEW_WORDS: Record<TPortalView, { label: string; purpose: string }> = {
  work_authorization: {
    label: "Work authorization",
    purpose: "approve or reject each item of work, without prices",
  },
  estimate: { label: "Estimate", purpose: "approve or reject each line with its price, then sign" },
  progress: { label: "Progress", purpose: "follow the work: hours estimated against hours recorded" },
  invoice: { label: "Invoice", purpose: "read and download the invoice" },
};

export function isPortalView(value: unknown): value is TPortalView {
  return typeof value === "string" && (PORTAL_VIEWS as readonly string[]).includes(value);
}
