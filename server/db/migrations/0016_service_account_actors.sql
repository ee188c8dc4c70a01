-- Service-account tokens make changes on the team's API (issue 10), so a row that records who
-- did something names a person or a service account: the doer's id with its kind, as support
-- bundles (uploaded_by, uploaded_by_kind) and the audit log (actor_kind, actor_id) already do.
-- An id that may name either table cannot carry a foreign key to users; people are never deleted
-- (a removed member loses a membership, not the user row), and a doer that cannot be found is
-- shown as gone, as a bundle's uploader already is.
ALTER TABLE install_attempts DROP CONSTRAINT install_attempts_started_by_fkey;
--> statement-breakpoint
ALTER TABLE install_attempts ADD COLUMN started_by_kind text NOT NULL DEFAULT 'user'
  CHECK (started_by_kind IN ('user', 'service_account'));
--> statement-breakpoint
-- An instance that checks in was recorded by nobody: no doer, no kind.
ALTER TABLE instances DROP CONSTRAINT instances_recorded_by_fkey;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN recorded_by_kind text CHECK (recorded_by_kind IN ('user', 'service_account'));
--> statement-breakpoint
UPDATE instances SET recorded_by_kind = 'user' WHERE recorded_by IS NOT NULL;
--> statement-breakpoint
ALTER TABLE instances ADD CONSTRAINT instances_recorded_by_pair_check
  CHECK ((recorded_by IS NULL) = (recorded_by_kind IS NULL));
--> statement-breakpoint
-- An install's just-in-time account is made by whoever starts the install.
ALTER TABLE service_accounts DROP CONSTRAINT service_accounts_created_by_fkey;
--> statement-breakpoint
ALTER TABLE service_accounts ADD COLUMN created_by_kind text NOT NULL DEFAULT 'user'
  CHECK (created_by_kind IN ('user', 'service_account'));
