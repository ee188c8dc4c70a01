-- The custom metrics an instance's app reports through the Replicated SDK (issue 7): the latest
-- whole set, as the SDK posts it, and when it arrived. POST replaces it; PATCH merges into it.
ALTER TABLE instances ADD COLUMN custom_metrics jsonb;
--> statement-breakpoint
ALTER TABLE instances ADD COLUMN custom_metrics_received_at timestamptz;
