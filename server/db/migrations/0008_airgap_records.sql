-- Air-gap instance records entered by hand (issue 8). An air-gapped instance never checks in, so
-- the customer records its name, version, install method, Kubernetes distribution and Admin
-- Console URL; the record has no external id (the unique index on (team_id, external_id) lets
-- any number of NULLs through). `data_at` is the age of the record's newest data: set when it is
-- created or edited, refreshed later by a support bundle. Archived records leave every view but
-- the archived one, and may be restored.
ALTER TABLE instances ADD COLUMN name text;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN source text NOT NULL DEFAULT 'check_in' CHECK (source IN ('check_in', 'manual'));
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN install_method text;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN admin_console_url text;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN archived_at timestamptz;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN recorded_by text REFERENCES users(id) ON DELETE SET NULL;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN data_at timestamptz;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN updated_at timestamptz;
--> statement-breakpoint
-- A record's name is unique among the team's records that are not archived, whatever its case.
CREATE UNIQUE INDEX instances_live_manual_name_idx ON instances (team_id, lower(name))
  WHERE source = 'manual' AND archived_at IS NULL;
--> statement-breakpoint
-- How often the vendor expects an air-gapped customer to send fresh data (portico.yaml).
ALTER TABLE apps ADD COLUMN airgap_report_cadence_days integer NOT NULL DEFAULT 35;
