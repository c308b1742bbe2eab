// The one rule about invoices and the review of the work, stated wherever staff approve:
// approval reviews the work when it is not yet (lib/invoices/approve-invoice-in-tx).
export const APPROVAL_RULE =
  "Approving an invoice also accepts the completed work as reviewed, if it is not yet, and the task becomes invoiced.";
