-- Security pass (issue 17).

-- Idempotency keys belong to one route and one client: the same key elsewhere is another request.
ALTER TABLE idempotency_keys ADD COLUMN scope text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (scope, key);

-- One report per visitor and per address: both are keyed hashes (HMAC with the data key), so
-- the table holds no address. A report counts towards hiding until a moderator decides
-- (reviewed_at), and the same reporters cannot report again after that.
CREATE TABLE message_reports (
  message_id text NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  visitor_hash text NOT NULL,
  address_hash text NOT NULL,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  reviewed_at timestamptz,
  PRIMARY KEY (message_id, visitor_hash),
  UNIQUE (message_id, address_hash)
);
-- When reports took an approved message off the wall, and why (shown to moderators, audited).
ALTER TABLE messages ADD COLUMN hidden_at timestamptz;

-- Embed events counted once per visitor (keyed hash of the address), campaign, host, kind and day.
CREATE TABLE campaign_embed_visits (
  -- no foreign key: campaigns made by the calendar's rules have no row (0007)
  campaign_id text NOT NULL,
  origin text NOT NULL,
  day date NOT NULL,
  kind text NOT NULL,
  visitor_hash text NOT NULL,
  -- This visit brought a host the campaign had never seen: new hosts per address are capped.
  introduced boolean NOT NULL DEFAULT false,
  PRIMARY KEY (campaign_id, origin, day, kind, visitor_hash)
);
CREATE INDEX campaign_embed_visits_visitor_idx ON campaign_embed_visits (visitor_hash, day);

-- Host pages the bureau registered, and what the server found when it fetched them.
CREATE TABLE embed_hosts (
  origin text PRIMARY KEY,
  page_url text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  registered_by text NOT NULL,
  checked_at timestamptz,
  http_status int,
  link_found boolean,
  banner_found boolean,
  check_error text
);

-- Mobiles and claimant names are encrypted like ID numbers, in *_enc columns; the plain columns
-- are emptied by sealPlainCases() (server/relatives/sealed-fields.ts) at start-up, which has the
-- key that SQL does not. The keyed hash lets a mobile be matched without decrypting.
ALTER TABLE relative_leads ADD COLUMN mobile_hash text;
ALTER TABLE family_searches ADD COLUMN mobile_hash text;
CREATE INDEX relative_leads_mobile_hash_idx ON relative_leads (mobile_hash);
CREATE INDEX family_searches_mobile_hash_idx ON family_searches (mobile_hash);

ALTER TABLE relative_leads ADD COLUMN claimant_name_enc text, ADD COLUMN mobile_enc text,
  ALTER COLUMN claimant_name DROP NOT NULL, ALTER COLUMN mobile DROP NOT NULL;
ALTER TABLE family_searches ADD COLUMN claimant_name_enc text, ADD COLUMN mobile_enc text,
  ALTER COLUMN claimant_name DROP NOT NULL, ALTER COLUMN mobile DROP NOT NULL;
