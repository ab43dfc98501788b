-- One speed measurement (N Lighthouse runs) of a page per slot. Scores from different settings
-- (profile, settings hash) are never compared: both are stored with every row.
CREATE TABLE speed_measurements (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id           bigint NOT NULL REFERENCES targets (id),
  region              text NOT NULL,
  slot_at             timestamptz NOT NULL,
  measured_at         timestamptz NOT NULL,
  outcome             text NOT NULL CHECK (outcome IN ('measured', 'failed')),
  profile             text NOT NULL,
  settings_hash       text NOT NULL,
  lighthouse_version  text,
  chromium_version    text,
  runs_requested      integer NOT NULL,
  runs_used           integer NOT NULL DEFAULT 0,
  performance         double precision,
  structure           double precision,
  percentage          double precision,
  error_class         text,
  evidence            jsonb NOT NULL,   -- metrics, per-run scores, structure audits, advice, weights
  report_gz           bytea,            -- the representative run's full Lighthouse JSON, gzip
  CHECK ((outcome = 'measured') = (percentage IS NOT NULL))
);
CREATE UNIQUE INDEX speed_measurements_target_id_region_slot_at_idx ON speed_measurements (target_id, region, slot_at);
CREATE INDEX speed_measurements_target_id_measured_at_idx ON speed_measurements (target_id, measured_at);
