-- The team's audit log (issue 10): who did what, when and from where. Rows are written by the
-- routes that change something (server/audit/record.ts) and never updated; the actor's and the
-- target's names are kept as they were then, so a later rename or removal does not rewrite history.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'service_account', 'license', 'vendor')),
  actor_id text,
  actor_label text NOT NULL,
  action text NOT NULL,
  target_kind text,
  target_id text,
  target_label text,
  client_address text,
  details jsonb
);
--> statement-breakpoint
-- Newest first, for the team, and filtered by action or by person.
CREATE INDEX audit_events_team_idx ON audit_events (team_id, id DESC);
--> statement-breakpoint
CREATE INDEX audit_events_team_action_idx ON audit_events (team_id, action, id DESC);
--> statement-breakpoint
CREATE INDEX audit_events_team_actor_idx ON audit_events (team_id, actor_id, id DESC);
