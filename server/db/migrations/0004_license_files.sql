-- A customer's license file as the vendor platform issued it (signed YAML), served byte for byte
-- (issue 7; docs/decisions/009-licenses.md). Null: Portico generates an unsigned license.
ALTER TABLE teams ADD COLUMN license_file text;
--> statement-breakpoint
-- Channel ids are the vendor's (or derived from the slugs) and may change when the catalogue is
-- loaded; the rows that name a channel follow it.
ALTER TABLE releases DROP CONSTRAINT releases_channel_id_fkey;
--> statement-breakpoint
ALTER TABLE releases ADD CONSTRAINT releases_channel_id_fkey
  FOREIGN KEY (channel_id) REFERENCES channels(id) ON DELETE CASCADE ON UPDATE CASCADE;
--> statement-breakpoint
ALTER TABLE teams DROP CONSTRAINT teams_channel_id_fkey;
--> statement-breakpoint
ALTER TABLE teams ADD CONSTRAINT teams_channel_id_fkey
  FOREIGN KEY (channel_id) REFERENCES channels(id) ON UPDATE CASCADE;
