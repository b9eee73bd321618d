-- The daily purge deletes stored POST answers older than the 24-hour idempotency window.
CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at);
