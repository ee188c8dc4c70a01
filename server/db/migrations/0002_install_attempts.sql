-- Guided installs: just-in-time service accounts, install attempts and their checkpoints,
-- registry pulls per attempt, and what an instance reports when it checks in.
ALTER TABLE service_accounts ADD COLUMN kind text NOT NULL DEFAULT 'manual';
--> statement-breakpoint
ALTER TABLE service_accounts ADD COLUMN last_used_at timestamptz;
--> statement-breakpoint
CREATE TABLE install_attempts (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  -- NULL once discarded: the service account is deleted with its token.
  service_account_id text REFERENCES service_accounts(id) ON DELETE SET NULL,
  name text NOT NULL,
  method text NOT NULL,
  options jsonb NOT NULL,
  version text NOT NULL,
  started_by text NOT NULL REFERENCES users(id),
  started_at timestamptz NOT NULL,
  assets_downloaded_at timestamptz,
  registry_authenticated_at timestamptz,
  images_pulled_at timestamptz,
  installation_completed_at timestamptz,
  instance_ready_at timestamptz,
  failed_at timestamptz,
  failure_reason text,
  last_progress_at timestamptz NOT NULL,
  discarded_at timestamptz
);
--> statement-breakpoint
CREATE INDEX install_attempts_team_idx ON install_attempts (team_id, started_at DESC);
--> statement-breakpoint
-- Names are unique among a team's attempts that are not discarded (they name the service account).
CREATE UNIQUE INDEX install_attempts_live_name_idx ON install_attempts (team_id, lower(name)) WHERE discarded_at IS NULL;
--> statement-breakpoint
CREATE TABLE registry_pulls (
  attempt_id text NOT NULL REFERENCES install_attempts(id) ON DELETE CASCADE,
  repository text NOT NULL,
  reference text NOT NULL,
  pulled_at timestamptz NOT NULL,
  PRIMARY KEY (attempt_id, repository, reference)
);
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN external_id text;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN attempt_id text REFERENCES install_attempts(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN service_account_id text REFERENCES service_accounts(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN details jsonb NOT NULL DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN status text;
--> statement-breakpoint
CREATE UNIQUE INDEX instances_team_external_idx ON instances (team_id, external_id);
