-- Availability (issue 3): raw uptime checks, control-target checks, and what is derived from them
-- and kept forever: outages and unobserved spans as intervals, transition events (an outbox the
-- alerts consume by id), per-target rollups. Raw checks live in daily range partitions on slot_at
-- that db/store/checks.ts creates on demand and drops whole after RAW_RETENTION_DAYS.

-- attempt 0 is the slot's check, 1..N the confirmation retries. The key makes a retried or stalled
-- job unable to write the same attempt twice (INSERT … ON CONFLICT DO NOTHING).
CREATE TABLE checks (
  target_id    bigint NOT NULL REFERENCES targets (id),
  region       text NOT NULL,
  slot_at      timestamptz NOT NULL,
  attempt      smallint NOT NULL CHECK (attempt >= 0),
  checked_at   timestamptz NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('up', 'degraded', 'down')),
  status       integer,
  error_class  text,
  error_reason text,
  final_url    text,
  dns_ms       real,
  connect_ms   real,
  tls_ms       real,
  ttfb_ms      real,
  total_ms     real,
  bytes_read   bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (target_id, region, slot_at, attempt)
) PARTITION BY RANGE (slot_at);
-- The primary key leads with target_id: it covers the foreign key and per-target reads.
CREATE INDEX checks_region_slot_at_idx ON checks (region, slot_at);

-- One round of control checks per (region, bucket of one uptime interval): the first job of the
-- bucket claims it (INSERT … ON CONFLICT DO NOTHING) and probes the controls.
CREATE TABLE control_rounds (
  region     text NOT NULL,
  bucket_at  timestamptz NOT NULL,
  bucket_s   integer NOT NULL CHECK (bucket_s > 0),
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (region, bucket_at)
);

CREATE TABLE control_checks (
  region      text NOT NULL,
  bucket_at   timestamptz NOT NULL,
  url         text NOT NULL,
  checked_at  timestamptz NOT NULL,
  ok          boolean NOT NULL,
  error_class text,
  PRIMARY KEY (region, bucket_at, url)
);

-- Confirmed downtime of one target (the regions' quorum agreed), exact to the millisecond.
-- ended_at is null while the outage is ongoing at the end of what was evaluated.
CREATE TABLE outages (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id   bigint NOT NULL REFERENCES targets (id),
  started_at  timestamptz NOT NULL,
  ended_at    timestamptz,
  cause       text NOT NULL,
  regions     text[] NOT NULL,
  mass_outage boolean NOT NULL DEFAULT false,
  CHECK (ended_at IS NULL OR ended_at > started_at),
  UNIQUE (target_id, started_at)
);

-- Time nobody could observe the target (no checks, our controls failed): not downtime.
CREATE TABLE unobserved_spans (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id   bigint NOT NULL REFERENCES targets (id),
  started_at  timestamptz NOT NULL,
  ended_at    timestamptz NOT NULL,
  cause       text NOT NULL CHECK (cause IN ('no_checks', 'controls_failed', 'controls_pending')),
  regions     text[] NOT NULL,
  CHECK (ended_at > started_at),
  UNIQUE (target_id, started_at)
);

-- What the evaluator has covered per target: outside [covered_from, covered_to) is unobserved.
CREATE TABLE availability_coverage (
  target_id    bigint PRIMARY KEY REFERENCES targets (id),
  covered_from timestamptz NOT NULL,
  covered_to   timestamptz NOT NULL,
  evaluated_at timestamptz NOT NULL
);

-- Append-only outbox of transitions, read by id cursor. dedupe_key makes every transition
-- recorded once however often the evaluator re-derives the range.
CREATE TABLE availability_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id   bigint REFERENCES targets (id),
  kind        text NOT NULL CHECK (kind IN ('outage_opened', 'outage_closed', 'mass_outage')),
  at          timestamptz NOT NULL,
  cause       text,
  regions     text[] NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX availability_events_target_id_idx ON availability_events (target_id);
CREATE INDEX availability_events_kind_at_idx ON availability_events (kind, at);

-- Rollups kept forever. rt_hist: counts of attempt-0 response times (total_ms of up/degraded
-- checks) in fixed log-scale buckets (services/availability/histogram.ts), mergeable by addition.
CREATE TABLE availability_rollups_15m (
  target_id       bigint NOT NULL REFERENCES targets (id),
  bucket_at       timestamptz NOT NULL,
  checks          integer NOT NULL,
  up_checks       integer NOT NULL,
  degraded_checks integer NOT NULL,
  down_checks     integer NOT NULL,
  covered_s       double precision NOT NULL,
  down_s          double precision NOT NULL,
  unobserved_s    double precision NOT NULL,
  rt_hist         integer[] NOT NULL,
  PRIMARY KEY (target_id, bucket_at)
);

CREATE TABLE availability_rollups_1d (
  target_id       bigint NOT NULL REFERENCES targets (id),
  day             date NOT NULL,
  checks          integer NOT NULL,
  up_checks       integer NOT NULL,
  degraded_checks integer NOT NULL,
  down_checks     integer NOT NULL,
  covered_s       double precision NOT NULL,
  down_s          double precision NOT NULL,
  unobserved_s    double precision NOT NULL,
  rt_hist         integer[] NOT NULL,
  PRIMARY KEY (target_id, day)
);
