-- Name search, second round (issue 20): keys for a polyphonic surname's other reading, dialect
-- confusions (fuzzy pinyin) and look-alike characters, and other names (别名). Keys are computed
-- by server/search/name-keys.ts; migrate() fills them for existing rows (NAME_KEYS_VERSION 2).
-- Most names have no other reading and no look-alike character: those keys stay NULL and their
-- indexes hold only the rows that have one.
ALTER TABLE martyrs
  ADD COLUMN aliases text[],
  ADD COLUMN name_pinyin_alt text COLLATE "C",
  ADD COLUMN name_fuzzy text COLLATE "C",
  ADD COLUMN name_fuzzy_alt text COLLATE "C",
  ADD COLUMN name_glyph text COLLATE "C";

CREATE INDEX martyrs_name_fuzzy_idx ON martyrs (name_fuzzy, id COLLATE "C");
CREATE INDEX martyrs_name_pinyin_alt_idx ON martyrs (name_pinyin_alt, id COLLATE "C") WHERE name_pinyin_alt IS NOT NULL;
CREATE INDEX martyrs_name_fuzzy_alt_idx ON martyrs (name_fuzzy_alt, id COLLATE "C") WHERE name_fuzzy_alt IS NOT NULL;
CREATE INDEX martyrs_name_glyph_idx ON martyrs (name_glyph, id COLLATE "C") WHERE name_glyph IS NOT NULL;

-- The search keys of each other name (martyrs.aliases holds the names as written, in order;
-- this table is derived from it on every write, like the key columns).
CREATE TABLE martyr_aliases (
  martyr_id text NOT NULL REFERENCES martyrs(id) ON DELETE CASCADE,
  ord integer NOT NULL,
  name text COLLATE "C" NOT NULL,
  name_simplified text COLLATE "C" NOT NULL,
  name_pinyin text COLLATE "C" NOT NULL,
  name_pinyin_tone text COLLATE "C" NOT NULL,
  name_initials text COLLATE "C" NOT NULL,
  name_skip text COLLATE "C",
  name_given text COLLATE "C",
  name_pinyin_alt text COLLATE "C",
  name_fuzzy text COLLATE "C" NOT NULL,
  name_fuzzy_alt text COLLATE "C",
  name_glyph text COLLATE "C",
  PRIMARY KEY (martyr_id, ord)
);
CREATE INDEX martyr_aliases_name_idx ON martyr_aliases (name);
CREATE INDEX martyr_aliases_simplified_idx ON martyr_aliases (name_simplified);
CREATE INDEX martyr_aliases_pinyin_idx ON martyr_aliases (name_pinyin);
CREATE INDEX martyr_aliases_pinyin_tone_idx ON martyr_aliases (name_pinyin_tone);
CREATE INDEX martyr_aliases_initials_idx ON martyr_aliases (name_initials);
CREATE INDEX martyr_aliases_skip_idx ON martyr_aliases (name_skip);
CREATE INDEX martyr_aliases_given_idx ON martyr_aliases (name_given);
CREATE INDEX martyr_aliases_pinyin_alt_idx ON martyr_aliases (name_pinyin_alt);
CREATE INDEX martyr_aliases_fuzzy_idx ON martyr_aliases (name_fuzzy);
CREATE INDEX martyr_aliases_fuzzy_alt_idx ON martyr_aliases (name_fuzzy_alt);
CREATE INDEX martyr_aliases_glyph_idx ON martyr_aliases (name_glyph);
