-- Agencies (دستگاه‌های اجرایی) and the pages Sanjeh probes for them.
-- An agency has at most one active portal target and any number of service-page targets.
-- A target whose URL changes is retired and replaced, never rewritten: its history is evidence.
CREATE TABLE agencies (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name_fa     text NOT NULL CHECK (length(name_fa) > 0),
  name_en     text NOT NULL CHECK (length(name_en) > 0),
  portal_url  text,                  -- null: the agency has no portal ("no portal"), never probed
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE targets (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id   bigint NOT NULL REFERENCES agencies (id),
  kind        text NOT NULL CHECK (kind IN ('portal', 'service')),
  url         text NOT NULL,
  name        text,
  paused      boolean NOT NULL DEFAULT false,
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,  -- per-target probe overrides
  created_at  timestamptz NOT NULL DEFAULT now(),
  retired_at  timestamptz                       -- set when replaced; kept for its history
);
CREATE INDEX targets_agency_id_idx ON targets (agency_id);
CREATE UNIQUE INDEX targets_agency_id_portal_idx ON targets (agency_id) WHERE kind = 'portal' AND retired_at IS NULL;
CREATE UNIQUE INDEX targets_agency_id_url_idx ON targets (agency_id, url) WHERE retired_at IS NULL;
