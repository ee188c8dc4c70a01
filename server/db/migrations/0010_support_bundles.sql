-- Support bundles (issue 9): uploaded by a person in the browser (tus) or sent by a real client
-- (troubleshoot, KOTS, the SDK), streamed to the blob store with a SHA-256 taken on the way, then
-- inspected once. A bundle is listed once complete (status other than 'uploading'); an upload
-- not completed within a day is removed with its blob (server/support-bundles/cleanup.ts).
-- `size` is what the client declared (tus Upload-Length), `received_bytes` what has arrived.
-- The table existed as a stub since 0001 with nothing writing to it, so its rows are dropped.
DELETE FROM support_bundles;
--> statement-breakpoint
ALTER TABLE support_bundles
  ADD COLUMN instance_id text REFERENCES instances(id) ON DELETE SET NULL,
  ADD COLUMN uploaded_by text NOT NULL,
  ADD COLUMN uploaded_by_kind text NOT NULL CHECK (uploaded_by_kind IN ('user', 'service_account', 'license')),
  ADD COLUMN source text NOT NULL CHECK (source IN ('browser', 'troubleshoot', 'kots', 'sdk')),
  ADD COLUMN filename text NOT NULL,
  ADD COLUMN size bigint NOT NULL CHECK (size >= 0),
  ADD COLUMN received_bytes bigint NOT NULL DEFAULT 0 CHECK (received_bytes >= 0 AND received_bytes <= size),
  ADD COLUMN sha256 text,
  ADD COLUMN status text NOT NULL DEFAULT 'uploading' CHECK (status IN ('uploading', 'inspecting', 'ready', 'rejected')),
  ADD COLUMN rejection jsonb,
  ADD COLUMN facts jsonb,
  ADD COLUMN files jsonb,
  ADD COLUMN collected_at timestamptz,
  ADD COLUMN completed_at timestamptz,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
--> statement-breakpoint
-- The team's history, newest first, complete bundles only.
CREATE INDEX support_bundles_history_idx ON support_bundles (team_id, completed_at DESC, id DESC)
  WHERE status <> 'uploading';
--> statement-breakpoint
-- The abandoned-upload sweep.
CREATE INDEX support_bundles_uploading_idx ON support_bundles (created_at) WHERE status = 'uploading';
--> statement-breakpoint
CREATE INDEX support_bundles_team_sha256_idx ON support_bundles (team_id, sha256) WHERE sha256 IS NOT NULL;
--> statement-breakpoint
-- The most bytes one bundle may have (portico.yaml `support.max_bundle_bytes`, 2 GiB by default).
ALTER TABLE apps ADD COLUMN max_bundle_bytes bigint NOT NULL DEFAULT 2147483648;
