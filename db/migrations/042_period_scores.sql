-- Scores of a period, per target and per agency and indicator (issue 7). Rows are written when a
-- period closes (frozen) and never updated; each keeps the rule set version that produced it, the
-- raw value, the evidence it rests on (ids and intervals) and a sha256 digest of that evidence.
-- Rebuilding from stored evidence must reproduce them exactly.
CREATE TABLE period_scores (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  period_id         bigint NOT NULL REFERENCES periods (id),
  agency_id         bigint NOT NULL REFERENCES agencies (id),
  target_id         bigint REFERENCES targets (id),          -- null: the agency's score
  indicator         text NOT NULL CHECK (indicator IN ('uptime', 'speed', 'tls')),
  raw               jsonb NOT NULL,
  score             double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  band              text NOT NULL,
  evidence          jsonb NOT NULL,
  evidence_digest   text NOT NULL CHECK (evidence_digest ~ '^[0-9a-f]{64}$'),
  rule_set_id       text NOT NULL,
  rule_set_version  integer NOT NULL,
  frozen_at         timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (rule_set_id, rule_set_version) REFERENCES rule_sets (id, version)
);
CREATE UNIQUE INDEX period_scores_period_id_agency_id_target_id_indicator_idx
  ON period_scores (period_id, agency_id, coalesce(target_id, 0), indicator);
CREATE INDEX period_scores_agency_id_idx ON period_scores (agency_id);
CREATE INDEX period_scores_target_id_idx ON period_scores (target_id);
CREATE INDEX period_scores_rule_set_id_rule_set_version_idx ON period_scores (rule_set_id, rule_set_version);
