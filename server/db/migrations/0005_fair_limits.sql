-- Fair limits (issue 16): token buckets kept in the database so every server process sees the
-- same budget. `key` names the budget and its subject, e.g. `mint:203.0.113.0` or
-- `visitor:S1…`; `tokens` is what is left at `at_ms`, refilled continuously by the application.
CREATE TABLE IF NOT EXISTS limit_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  -- milliseconds since the epoch on the server's clock (deps.now), so tests can move it
  at_ms double precision NOT NULL
);
CREATE INDEX IF NOT EXISTS limit_buckets_at ON limit_buckets (at_ms);

-- What staff see: which addresses were throttled, by which budget, per hour (aggregated, so a
-- flood writes one row an hour, not one per refused request). Kept 30 days.
CREATE TABLE IF NOT EXISTS throttle_events (
  address text NOT NULL,
  budget text NOT NULL,
  hour timestamptz NOT NULL,
  refused int NOT NULL DEFAULT 0,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (address, budget, hour)
);
CREATE INDEX IF NOT EXISTS throttle_events_last_at ON throttle_events (last_at DESC);
