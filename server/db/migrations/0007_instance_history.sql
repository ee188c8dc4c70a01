-- An instance's bounded history (issue 8): status changes, changes of the fields a check-in
-- reports (version, channel, Kubernetes, SDK and Embedded Cluster versions), a check-in after a gap
-- longer than the inactivity threshold, and samples of its custom metrics. Written by the check-in
-- path only when something changed; pruned to the newest rows per instance (server/instances/history.ts).
-- Values are jsonb: a metric keeps its type, and a field's value compares as the details hold it.
CREATE TABLE instance_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instance_id text NOT NULL REFERENCES instances(id) ON DELETE CASCADE,
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('status', 'field', 'gap', 'metric')),
  field text,
  old_value jsonb,
  new_value jsonb
);
--> statement-breakpoint
CREATE INDEX instance_events_instance_at_idx ON instance_events (instance_id, at);
