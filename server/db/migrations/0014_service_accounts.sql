-- Service accounts an admin manages (issue 10): who made one, an optional expiry, and a name that
-- is unique only among the team's active accounts, so a revoked account's name can be reused.
ALTER TABLE service_accounts ADD COLUMN created_by text REFERENCES users(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE service_accounts ADD COLUMN expires_at timestamptz;
--> statement-breakpoint
UPDATE service_accounts SET kind = 'install'
  WHERE id IN (SELECT service_account_id FROM install_attempts WHERE service_account_id IS NOT NULL);
--> statement-breakpoint
UPDATE service_accounts SET created_by = a.started_by
  FROM install_attempts a WHERE a.service_account_id = service_accounts.id AND service_accounts.created_by IS NULL;
--> statement-breakpoint
ALTER TABLE service_accounts DROP CONSTRAINT service_accounts_team_id_name_key;
--> statement-breakpoint
-- Same name as the constraint it replaces: the install routes read it to answer "name taken".
CREATE UNIQUE INDEX service_accounts_team_id_name_key ON service_accounts (team_id, name) WHERE revoked_at IS NULL;
