-- The campaign calendar as rules (issue 18): one campaign a year per rule, id {rule}-{year},
-- computed on request; a year's notice overrides single fields. `campaigns` keeps the one-off
-- campaigns staff enter by hand.
CREATE TABLE campaign_rules (
  id text PRIMARY KEY,
  kind text NOT NULL,
  title text NOT NULL,
  -- 'qingming' (the 清明 solar term of each year) or a fixed day 'MM-DD'
  anchor text NOT NULL,
  days_before int NOT NULL DEFAULT 0,
  days_after int NOT NULL DEFAULT 0,
  url text NOT NULL,
  partner_links jsonb NOT NULL DEFAULT '[]',
  label jsonb,
  tone text,
  first_year int NOT NULL,
  last_year int,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (days_before >= 0 AND days_after >= 0),
  CHECK (last_year IS NULL OR last_year >= first_year)
);

CREATE TABLE campaign_overrides (
  rule_id text NOT NULL REFERENCES campaign_rules(id) ON DELETE CASCADE,
  year int NOT NULL,
  title text,
  theme text,
  start_date date,
  end_date date,
  url text,
  partner_links jsonb,
  -- where the override comes from (the notice), for whoever checks it later
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, year),
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);

-- Embed statistics now also belong to computed campaigns, which have no row: the server checks
-- the id against the calendar instead. Existing statistics keep their ids, which the rules
-- reproduce (qingming-2024, martyrs-day-2024, memorial-day-2024).
ALTER TABLE campaign_embeds DROP CONSTRAINT IF EXISTS campaign_embeds_campaign_id_fkey;

-- The rows the old seed wrote for 2019–2026 and nobody has edited since now come from the rules
-- and their overrides (server/seed/campaigns.ts). Edited rows stay and take precedence.
DELETE FROM campaigns
 WHERE id ~ '^(qingming|martyrs-day|memorial-day)-20(19|2[0-6])$'
   AND updated_at = created_at
   AND url = 'https://www.chinamartyrs.gov.cn/'
   AND partner_links = '[]'::jsonb;
