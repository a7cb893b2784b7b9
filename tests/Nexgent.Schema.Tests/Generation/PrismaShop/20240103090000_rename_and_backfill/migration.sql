-- Renamed by hand, as Prisma's --create-only lets you.
ALTER TABLE "User" RENAME COLUMN "name" TO "displayName";

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "currency" VARCHAR(3);

-- Backfill
UPDATE "Order" SET "currency" = 'EUR' WHERE "currency" IS NULL;

-- AlterTable
ALTER TABLE "Order" ALTER COLUMN "currency" SET NOT NULL;

-- Some old orders were test data.
DELETE FROM "Order" WHERE "total" = 0;
