-- Members and invitations (issue 10). An invite is stored as the hash of its link's token; a
-- resend replaces the hash, so the old link dies. A membership says where it came from, so a
-- later portico.yaml removes only what the file added (docs/decisions/012-catalogue-members.md).
CREATE TABLE invites (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  token_hash text NOT NULL UNIQUE,
  invited_by text REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz
);
--> statement-breakpoint
-- One open invite per address and team; inviting again replaces it.
CREATE UNIQUE INDEX invites_open_idx ON invites (team_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;
--> statement-breakpoint
CREATE INDEX invites_email_idx ON invites (email);
--> statement-breakpoint
-- Null: any domain may be invited.
ALTER TABLE teams ADD COLUMN domain_allowlist text[];
--> statement-breakpoint
ALTER TABLE memberships ADD COLUMN source text NOT NULL DEFAULT 'catalogue' CHECK (source IN ('catalogue', 'invite'));
--> statement-breakpoint
-- The role portico.yaml last gave; while the membership's role still equals it, no admin changed it.
ALTER TABLE memberships ADD COLUMN catalogue_role text;
--> statement-breakpoint
UPDATE memberships SET catalogue_role = role;
--> statement-breakpoint
-- Written at most once a minute per member (server/http/session.ts).
ALTER TABLE memberships ADD COLUMN last_seen_at timestamptz;
--> statement-breakpoint
-- People an admin removed: the catalogue does not bring them back at the next start.
CREATE TABLE membership_removals (
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  email text NOT NULL,
  removed_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, email)
);
