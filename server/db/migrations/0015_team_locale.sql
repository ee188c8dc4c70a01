-- The team's language (issue 10): invitation emails, and the email telling admins that someone
-- joined, are written in it. The list of languages is contract/constants.ts `locales`;
-- server/teams/settings.test.ts fails when this check and that list differ.
ALTER TABLE teams ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'de'));
--> statement-breakpoint
-- When an admin last set the language in the portal. While null, portico.yaml's `locale` (or
-- English) applies at every start; once an admin has set it, the file no longer changes it
-- (docs/decisions/015-team-language.md).
ALTER TABLE teams ADD COLUMN locale_set_at timestamptz;
