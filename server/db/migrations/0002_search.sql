-- Forgiving name search: normalized keys computed at write time by server/search/name-keys.ts
-- (the same function the queries use), each with a btree index so that every query kind is an
-- equality or prefix-range lookup. Keys are C-collated: prefix ranges and keyset pages then
-- compare code points, identically on PGlite and on any PostgreSQL locale.
-- Existing rows are filled by the companion step in server/db/migrate.ts, then made NOT NULL
-- (see 0002 in COMPANIONS there); every insert must supply them (server/martyr-store.ts does).
ALTER TABLE martyrs
  ADD COLUMN name_simplified text COLLATE "C",
  ADD COLUMN name_pinyin text COLLATE "C",
  ADD COLUMN name_pinyin_tone text COLLATE "C",
  ADD COLUMN name_initials text COLLATE "C",
  ADD COLUMN name_skip text COLLATE "C",
  ADD COLUMN name_given text COLLATE "C";

-- Which version of the key function (name-keys.ts NAME_KEYS_VERSION) filled the keys: when the
-- function changes, migrate() recomputes every row's keys once.
CREATE TABLE search_settings (key text PRIMARY KEY, value text NOT NULL);

-- Every index ends with the id so that a branch's rows come out in keyset order (key, id).
CREATE INDEX martyrs_name_simplified_idx ON martyrs (name_simplified, id COLLATE "C");
CREATE INDEX martyrs_name_pinyin_idx ON martyrs (name_pinyin, id COLLATE "C");
CREATE INDEX martyrs_name_pinyin_tone_idx ON martyrs (name_pinyin_tone, id COLLATE "C");
CREATE INDEX martyrs_name_initials_idx ON martyrs (name_initials, id COLLATE "C");
CREATE INDEX martyrs_name_skip_idx ON martyrs (name_skip, id COLLATE "C") WHERE name_skip IS NOT NULL;
CREATE INDEX martyrs_name_given_idx ON martyrs (name_given, id COLLATE "C") WHERE name_given IS NOT NULL;

-- A family search's first name initial: every branch that may propose a match keeps it, so a
-- martyr newly flagged "seeking relatives" is compared only with the open searches sharing it.
ALTER TABLE family_searches
  ADD COLUMN name_initial text COLLATE "C";
CREATE INDEX family_searches_open_idx ON family_searches (name_initial) WHERE status = 'open';
CREATE INDEX family_searches_closed_idx ON family_searches (closed_at) WHERE status = 'closed';
CREATE INDEX relative_leads_closed_idx ON relative_leads (closed_at) WHERE status = 'closed';
CREATE INDEX relative_leads_created_idx ON relative_leads (created_at, id);
CREATE INDEX family_searches_created_idx ON family_searches (created_at, id);

-- Candidate matches between a family's search and a martyr seeking relatives, waiting for staff.
CREATE TABLE case_matches (
  id text PRIMARY KEY,
  family_search_id text NOT NULL REFERENCES family_searches(id) ON DELETE CASCADE,
  martyr_id text NOT NULL REFERENCES martyrs(id) ON DELETE CASCADE,
  reason text NOT NULL,
  score real NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'dismissed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by text,
  -- A pair is proposed once: a dismissed match is not proposed again when the martyr is re-flagged.
  UNIQUE (family_search_id, martyr_id)
);
CREATE INDEX case_matches_status_idx ON case_matches (status, created_at, id);
CREATE INDEX case_matches_martyr_idx ON case_matches (martyr_id);
