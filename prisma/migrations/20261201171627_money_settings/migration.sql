-- Money in exact decimals, in the organisation's currency (lib/money).
ALTER TABLE "Organisation" ADD COLUMN     "currency" VARCHAR(3) NOT NULL DEFAULT 'GBP',
ADD COLUMN     "defaultTaxPercent" DECIMAL(5,2) NOT NULL DEFAULT 20;

-- The not-to-exceed amount was kept in pence, which JPY (no minor unit) and BHD (three)
-- cannot use; it moves to an exact decimal, value for value.
ALTER TABLE "WorkOrder" ADD COLUMN     "notToExceed" DECIMAL(14,3);
UPDATE "WorkOrder" SET "notToExceed" = "notToExceedCents"::numeric / 100 WHERE "notToExceedCents" IS NOT NULL;
ALTER TABLE "WorkOrder" DROP COLUMN "notToExceedCents";
