-- An instance's bounded history (issue 8): status changes, changes of the fields a check-in
-- reports (version, channel, Kubernetes, SDK and Embedded Cluster versions), check-ins after a
-- silence, and samples of its custom metrics. Written only when something changed; pruned to the
-- newest rows per instance.
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
--> statement-breakpoint
-- What changed, compared where the row changes: a trigger's plan is prepared once per connection,
-- and its WHEN clause is checked without calling it, so the steady stream of identical check-ins
-- (instances.last_check_in_at moving on by less than an hour) writes nothing and costs almost
-- nothing: a check-in is one statement, as before. The fields are contract/instance-details.ts's
-- trackedFields, and HISTORY_KEPT is server/instances/history.ts's (history.test.ts holds them in step).
-- A silence of an hour or more is remembered as a 'gap'; which silences count as no data is the
-- inactivity rule's to say (server/instances/activity.ts), when the history is read.
CREATE FUNCTION instance_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  happened timestamptz := COALESCE(NEW.last_check_in_at, now());
  status_before text;
  written integer := 0;
  added integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    status_before := OLD.status;
    IF NEW.last_check_in_at - OLD.last_check_in_at >= interval '1 hour' THEN
      INSERT INTO instance_events (instance_id, team_id, at, kind, old_value, new_value)
      VALUES (NEW.id, NEW.team_id, happened, 'gap', to_jsonb(OLD.last_check_in_at), to_jsonb(NEW.last_check_in_at));
      written := written + 1;
    END IF;
    IF NEW.details IS DISTINCT FROM OLD.details THEN
      INSERT INTO instance_events (instance_id, team_id, at, kind, field, old_value, new_value)
      SELECT NEW.id, NEW.team_id, happened, 'field', f, OLD.details -> f, NEW.details -> f
      FROM unnest(ARRAY['versionLabel', 'channelId', 'channelName', 'k8sVersion', 'k8sDistribution', 'sdkVersion',
                        'embeddedClusterVersion']) AS f
      WHERE NEW.details -> f IS NOT NULL AND NEW.details -> f IS DISTINCT FROM OLD.details -> f;
      GET DIAGNOSTICS added = ROW_COUNT;
      written := written + added;
    END IF;
  END IF;
  IF NEW.status IS NOT NULL AND NEW.status IS DISTINCT FROM status_before THEN
    INSERT INTO instance_events (instance_id, team_id, at, kind, old_value, new_value)
    VALUES (NEW.id, NEW.team_id, happened, 'status', to_jsonb(status_before), to_jsonb(NEW.status));
    written := written + 1;
  END IF;
  IF written > 0 THEN
    -- The newest 1,000, and the first ready event, which time to install is measured from.
    DELETE FROM instance_events
    WHERE instance_id = NEW.id AND kind <> 'metric'
      AND id < (SELECT id FROM instance_events WHERE instance_id = NEW.id AND kind <> 'metric'
                ORDER BY id DESC OFFSET 999 LIMIT 1)
      AND id <> COALESCE((SELECT min(id) FROM instance_events WHERE instance_id = NEW.id
                          AND kind = 'status' AND new_value = '"ready"'::jsonb), 0);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER instance_history_on_insert AFTER INSERT ON instances
  FOR EACH ROW WHEN (NEW.status IS NOT NULL) EXECUTE FUNCTION instance_history();
--> statement-breakpoint
CREATE TRIGGER instance_history_on_update AFTER UPDATE ON instances
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.details IS DISTINCT FROM NEW.details
                     OR NEW.last_check_in_at - OLD.last_check_in_at >= interval '1 hour')
  EXECUTE FUNCTION instance_history();
