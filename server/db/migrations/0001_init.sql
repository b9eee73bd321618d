-- Periods are data so the list can grow without a code change.
CREATE TABLE periods (
  id text PRIMARY KEY,
  sort_order int NOT NULL,
  name_zh_hans text NOT NULL,
  name_zh_hant text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE martyrs (
  id text PRIMARY KEY,
  name text NOT NULL CHECK (name <> ''),
  sex text CHECK (sex IN ('male', 'female')),
  ethnicity text,
  native_place_text text,
  native_place_code char(6),
  birth_date text,
  enlistment_date text,
  unit text,
  post text,
  death_date text,
  death_year int GENERATED ALWAYS AS (CAST(substr(death_date, 1, 4) AS int)) STORED,
  death_place text,
  period text REFERENCES periods(id),
  burial_cemetery text,
  burial_section text,
  burial_row text,
  burial_number text,
  photo_url text,
  biography text,
  approval_authority text,
  approval_date text,
  seeking_relatives boolean NOT NULL DEFAULT false,
  sample boolean NOT NULL DEFAULT false,
  -- A stable key from an imported roll, so re-importing the same file never duplicates a martyr.
  import_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX martyrs_name_idx ON martyrs (name COLLATE "C", id COLLATE "C");
CREATE INDEX martyrs_native_code_idx ON martyrs (native_place_code);
CREATE INDEX martyrs_period_idx ON martyrs (period);
CREATE INDEX martyrs_death_year_idx ON martyrs (death_year);
CREATE INDEX martyrs_seeking_idx ON martyrs (seeking_relatives) WHERE seeking_relatives;

-- One row per visitor, martyr, kind and Asia/Shanghai day: the primary key is the daily limit.
CREATE TABLE tribute_offers (
  martyr_id text NOT NULL REFERENCES martyrs(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('flower', 'bow', 'candle', 'sweep')),
  day date NOT NULL,
  visitor_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (martyr_id, kind, day, visitor_id)
);

-- Counters kept in the same transaction as the offer, so a summary never scans the offers.
CREATE TABLE tribute_counts (
  martyr_id text NOT NULL REFERENCES martyrs(id) ON DELETE CASCADE,
  kind text NOT NULL,
  day date NOT NULL,
  count int NOT NULL DEFAULT 0,
  PRIMARY KEY (martyr_id, kind, day)
);

CREATE TABLE messages (
  id text PRIMARY KEY,
  martyr_id text NOT NULL REFERENCES martyrs(id) ON DELETE CASCADE,
  text text NOT NULL,
  signature text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reason text,
  reports int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  moderated_at timestamptz,
  moderated_by text
);
CREATE INDEX messages_public_idx ON messages (martyr_id, created_at DESC, id DESC) WHERE status = 'approved';
CREATE INDEX messages_status_idx ON messages (status, created_at);

CREATE TABLE campaigns (
  id text PRIMARY KEY,
  kind text NOT NULL,
  title text NOT NULL,
  theme text,
  start_date date NOT NULL,
  end_date date NOT NULL,
  url text NOT NULL,
  partner_links jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);

-- Which host sites carry the banner: aggregated per campaign, origin and day, no personal data.
CREATE TABLE campaign_embeds (
  campaign_id text NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  origin text NOT NULL,
  day date NOT NULL,
  impressions int NOT NULL DEFAULT 0,
  clicks int NOT NULL DEFAULT 0,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  last_path text,
  PRIMARY KEY (campaign_id, origin, day)
);

-- Personal data of relatives: readable only through admin endpoints; ID numbers encrypted.
CREATE TABLE relative_leads (
  id text PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  martyr_id text NOT NULL REFERENCES martyrs(id) ON DELETE CASCADE,
  claimant_name text NOT NULL,
  relationship text NOT NULL,
  mobile text NOT NULL,
  id_number_enc text,
  knowledge text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);

CREATE TABLE family_searches (
  id text PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  martyr_name text NOT NULL,
  native_place_text text,
  native_place_code char(6),
  period text,
  death_date text,
  unit text,
  claimant_name text NOT NULL,
  relationship text NOT NULL,
  mobile text NOT NULL,
  id_number_enc text,
  knowledge text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);

-- Same key, same result: the stored response is replayed instead of doing the work twice.
CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  request_hash text NOT NULL,
  status int,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  subject text,
  detail jsonb
);
