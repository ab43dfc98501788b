-- "Probe now" (issue 8): an operator's request to probe one target at once. The API records it; the
-- scheduler process enqueues its jobs (slot = the request time, so the job ids are new) and marks it
-- enqueued; progress is read from the result tables at that slot.
CREATE TABLE probe_requests (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id     bigint NOT NULL REFERENCES targets (id),
  kinds         text[] NOT NULL,
  slot_at       timestamptz NOT NULL,
  requested_by  text,
  requested_at  timestamptz NOT NULL,
  enqueued_at   timestamptz,
  region        text
);
CREATE INDEX probe_requests_target_id_idx ON probe_requests (target_id);
CREATE INDEX probe_requests_pending_idx ON probe_requests (requested_at) WHERE enqueued_at IS NULL;
