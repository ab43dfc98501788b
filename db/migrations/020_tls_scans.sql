-- One TLS grading of a target's host per slot: the grade and the whole scan as evidence.
CREATE TABLE tls_scans (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id         bigint NOT NULL REFERENCES targets (id),
  region            text NOT NULL,
  slot_at           timestamptz NOT NULL,
  scanned_at        timestamptz NOT NULL,
  outcome           text NOT NULL CHECK (outcome IN ('graded', 'no_https', 'error')),
  grade             text CHECK (grade IN ('A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'T', 'M')),
  grade_if_trusted  text CHECK (grade_if_trusted IN ('A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'T', 'M')),
  host              text,
  port              integer,
  error_class       text,
  rules_version     text,
  cert_not_after    timestamptz,
  duration_ms       integer NOT NULL,
  evidence          jsonb NOT NULL,
  CHECK ((outcome = 'graded') = (grade IS NOT NULL))
);
-- The slot key makes storing idempotent (a retried job never writes twice); it leads with
-- target_id, so it also covers the foreign key.
CREATE UNIQUE INDEX tls_scans_target_id_region_slot_at_idx ON tls_scans (target_id, region, slot_at);
CREATE INDEX tls_scans_target_id_scanned_at_idx ON tls_scans (target_id, scanned_at);
