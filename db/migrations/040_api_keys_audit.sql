-- API keys and the audit log (issue 7). A key is shown once at creation and stored only as the
-- sha256 of its bytes (the key is 32 random bytes, so a plain hash is enough); `prefix` is the
-- first characters of the key, for telling keys apart in listings. Revoked keys are kept.
CREATE TABLE api_keys (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_hash      text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  prefix        text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'operator', 'assessor', 'agency')),
  agency_id     bigint REFERENCES agencies (id),
  label         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  last_used_at  timestamptz,
  CHECK ((role = 'agency') = (agency_id IS NOT NULL))
);
CREATE INDEX api_keys_agency_id_idx ON api_keys (agency_id);

-- Every change made through the API: which key, when, what, on which resource.
CREATE TABLE audit_log (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  key_id    bigint REFERENCES api_keys (id),
  action    text NOT NULL,
  resource  text NOT NULL,
  status    integer NOT NULL,
  detail    jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_key_id_idx ON audit_log (key_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);
