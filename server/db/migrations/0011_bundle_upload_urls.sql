-- The Replicated SDK's three-step upload (issue 9): `POST /v3/supportbundle/upload-url` starts a
-- bundle and hands out a URL the SDK then PUTs the bytes to with no credentials of its own, so the
-- URL carries a secret; only its SHA-256 is kept, as for every other token.
ALTER TABLE support_bundles ADD COLUMN upload_token_hash text;
