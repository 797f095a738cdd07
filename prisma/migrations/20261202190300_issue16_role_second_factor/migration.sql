-- Owners can require a second factor of every member holding a role (issue 16).
ALTER TABLE "Role" ADD COLUMN "requireSecondFactor" BOOLEAN NOT NULL DEFAULT false;
