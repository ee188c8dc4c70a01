-- The Instances page at 10,000 instances a team (issue 8): each order of the list is a keyset
-- scan of one of these, newest check-in first (an instance that never checked in as the oldest)
-- or by name. Both have the id last, as the cursor does (server/instances/cursor.ts).
CREATE INDEX instances_team_last_check_in_idx
  ON instances (team_id, (COALESCE(last_check_in_at, to_timestamp(0))) DESC, id DESC);
--> statement-breakpoint
-- The name sort's key comes from a join (the install attempt's name), so it is not indexed; the
-- status and version filters narrow a team's instances by these.
CREATE INDEX instances_team_status_idx ON instances (team_id, status);
--> statement-breakpoint
CREATE INDEX instances_team_version_idx ON instances (team_id, (details->>'versionLabel'));
--> statement-breakpoint
CREATE INDEX instances_attempt_idx ON instances (attempt_id);
