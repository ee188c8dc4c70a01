-- Real clients authenticate with the license ID (issue 7). It is looked up by its hash, like a
-- token, so the lookup's timing says nothing about the ID; loading the catalogue writes it.
ALTER TABLE teams ADD COLUMN license_id_hash text;
--> statement-breakpoint
CREATE UNIQUE INDEX teams_license_id_hash_idx ON teams (license_id_hash);
--> statement-breakpoint
-- What a license-ID install attempt was joined by (decision 008): 'cluster:<id>' from the
-- Embedded Cluster installer, or 'instance:<id>' from a check-in. One attempt, one machine.
ALTER TABLE install_attempts ADD COLUMN claimed_by text;
--> statement-breakpoint
CREATE INDEX install_attempts_claimed_idx ON install_attempts (claimed_by);
