-- Foundation: the vendor catalogue, customers as teams, users, sign-in and sessions.
CREATE TABLE apps (
  id text PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  branding jsonb NOT NULL,
  first_loaded_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE channels (
  id text PRIMARY KEY,
  app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  slug text NOT NULL,
  name text NOT NULL,
  UNIQUE (app_id, slug)
);
--> statement-breakpoint
CREATE TABLE releases (
  id text PRIMARY KEY,
  channel_id text NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  version text NOT NULL,
  sequence integer NOT NULL,
  required boolean NOT NULL DEFAULT false,
  notes text NOT NULL DEFAULT '',
  released_at timestamptz NOT NULL,
  UNIQUE (channel_id, version)
);
--> statement-breakpoint
CREATE TABLE teams (
  id text PRIMARY KEY,
  app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  name text NOT NULL,
  custom_id text,
  channel_id text NOT NULL REFERENCES channels(id),
  license_id text NOT NULL UNIQUE,
  license_type text NOT NULL,
  license_created_at timestamptz NOT NULL,
  license_expires_at timestamptz,
  install_types text[] NOT NULL,
  entitlements jsonb NOT NULL,
  custom_fields jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  locale text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE memberships (
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, user_id)
);
--> statement-breakpoint
CREATE TABLE login_links (
  token_hash text PRIMARY KEY,
  email text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX sessions_user_idx ON sessions (user_id);
--> statement-breakpoint
CREATE TABLE service_accounts (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  UNIQUE (team_id, name)
);
--> statement-breakpoint
CREATE TABLE instances (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  airgap boolean NOT NULL DEFAULT false,
  first_check_in_at timestamptz,
  last_check_in_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE support_bundles (
  id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
