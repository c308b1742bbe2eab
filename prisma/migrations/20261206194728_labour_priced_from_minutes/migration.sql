-- AlterTable
ALTER TABLE "InvoiceLine" ADD COLUMN     "minutes" INTEGER;


-- Labour lines drafted from recorded time get their exact minutes (where the office has
-- not changed the hours since), and draft invoices are repriced from them: minutes ÷ 60 ×
-- rate, each line's net and tax rounded once to the currency's minor unit (ISO 4217 as
-- of this migration: 0 decimals for the currencies below, 3 for the next, else 2).
-- Submitted, approved and paid invoices keep their stored totals.
UPDATE "InvoiceLine" AS l
SET "minutes" = recorded.minutes
FROM (
  SELECT line.id, sum(t."minutes")::int AS minutes
  FROM "InvoiceLine" AS line
  JOIN "Invoice" AS i ON i.id = line."invoiceId" AND i."status" = 'DRAFT'
  JOIN "TimeEntry" AS t ON t.id = ANY(line."timeEntryIds")
  WHERE line."kind" = 'LABOUR' AND line."unitCode" = 'HUR'
  GROUP BY line.id, line."quantity"
  HAVING line."quantity" = round(sum(t."minutes")::numeric / 60, 3)
) AS recorded
WHERE l.id = recorded.id;

WITH places AS (
  SELECT id,
    CASE
      WHEN "currency" IN ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF') THEN 0
      WHEN "currency" IN ('BHD','IQD','JOD','KWD','LYD','OMR','TND') THEN 3
      ELSE 2
    END AS digits
  FROM "Invoice" WHERE "status" = 'DRAFT'
), priced AS (
  SELECT l."invoiceId", p.digits, l."taxPercent",
    round(
      CASE WHEN l."minutes" IS NOT NULL THEN l."minutes" * COALESCE(l."unitPrice", 0) / 60
           ELSE l."quantity" * COALESCE(l."unitPrice", 0) END,
      p.digits) AS net
  FROM "InvoiceLine" AS l JOIN places AS p ON p.id = l."invoiceId"
), totals AS (
  SELECT "invoiceId", sum(net) AS net, sum(round(net * "taxPercent" / 100, digits)) AS tax
  FROM priced GROUP BY "invoiceId"
)
UPDATE "Invoice" AS i
SET "net" = totals.net, "tax" = totals.tax, "gross" = totals.net + totals.tax
FROM totals WHERE i.id = totals."invoiceId";
