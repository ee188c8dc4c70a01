-- When each instance was first ready (issue 8: the list's "first ready" and the details page's
-- time to install). Kept on the row by a BEFORE trigger whose WHEN clause is checked without
-- calling it, so the steady stream of check-ins pays nothing once the instance has been ready.
-- Before this, the first ready status event held it (the history trigger keeps that event when it
-- prunes, migration 0007), so existing instances take it from there.
ALTER TABLE instances ADD COLUMN first_ready_at timestamptz;
--> statement-breakpoint
UPDATE instances SET first_ready_at = (
  SELECT min(at) FROM instance_events e
  WHERE e.instance_id = instances.id AND e.kind = 'status' AND e.new_value = '"ready"'::jsonb
);
--> statement-breakpoint
CREATE FUNCTION instance_first_ready() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.first_ready_at := COALESCE(NEW.last_check_in_at, NEW.updated_at, now());
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER instance_first_ready BEFORE INSERT OR UPDATE ON instances
  FOR EACH ROW WHEN (NEW.status = 'ready' AND NEW.first_ready_at IS NULL) EXECUTE FUNCTION instance_first_ready();
