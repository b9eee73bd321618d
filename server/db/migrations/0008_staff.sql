-- Named staff accounts (issue 14): several roles per person, each optionally scoped to a
-- GB/T 2260 region prefix or to one cemetery; secrets are stored only as hashes.
CREATE TABLE staff_accounts (
  id text PRIMARY KEY,
  login text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  -- TOTP secret (base32) encrypted with the data key; enabled once a first code confirmed it.
  totp_secret_enc text,
  totp_enabled boolean NOT NULL DEFAULT false,
  -- The last accepted TOTP time step: a code is never accepted twice.
  totp_last_step bigint,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_roles (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'moderator', 'caseworker', 'cemetery', 'campaigns', 'auditor')),
  region_prefix text CHECK (region_prefix ~ '^[0-9]{2}([0-9]{2}){0,2}$'),
  cemetery_id text,
  CHECK (region_prefix IS NULL OR cemetery_id IS NULL)
);
CREATE INDEX staff_roles_account_idx ON staff_roles (account_id);

CREATE TABLE staff_recovery_codes (
  account_id text NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (account_id, code_hash)
);

CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
  csrf_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz,
  address text,
  -- A session opened without a second factor by someone who must have one may only enrol it.
  second_factor boolean NOT NULL DEFAULT false
);
CREATE INDEX staff_sessions_account_idx ON staff_sessions (account_id);

CREATE TABLE staff_tokens (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
  label text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX staff_tokens_account_idx ON staff_tokens (account_id);

-- The one-time link that creates the first admin on a fresh install.
CREATE TABLE staff_setup_links (
  token_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- The audit log names the person, the role they acted in, the request, the address and the case.
ALTER TABLE audit_log
  ADD COLUMN account_id text,
  ADD COLUMN role text,
  ADD COLUMN request_id text,
  ADD COLUMN address text,
  ADD COLUMN case_ref text;
CREATE INDEX audit_log_account_idx ON audit_log (account_id, id);
CREATE INDEX audit_log_case_idx ON audit_log (case_ref, id);

-- Append-only: no code path may rewrite or remove history (retention purges cases, not the log).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
