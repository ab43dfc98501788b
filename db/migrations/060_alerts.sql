-- Alerting (issue 8): incidents, the transitions they go through, who hears about them and the
-- delivery outbox. availability_events (issue 3) is read as an outbox by id through alert_cursor,
-- so every transition is recorded once (alert_events.event_key is unique) and queued once per
-- subscription (alert_deliveries is unique per event and subscription); delivery is at least once.
CREATE TABLE alert_cursor (
  name           text PRIMARY KEY,
  last_event_id  bigint NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
INSERT INTO alert_cursor (name) VALUES ('availability_events');

-- agency_id NULL: an operators' subscription (every agency, and the mass-outage alert).
CREATE TABLE alert_subscriptions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id    bigint REFERENCES agencies (id),
  channel      text NOT NULL CHECK (channel IN ('webhook', 'email', 'bale')),
  config       jsonb NOT NULL,
  locale       text NOT NULL DEFAULT 'fa' CHECK (locale IN ('fa', 'en')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  disabled_at  timestamptz
);
CREATE INDEX alert_subscriptions_agency_id_idx ON alert_subscriptions (agency_id);

-- A window covers one target, every target of one agency, or (both NULL) everything.
CREATE TABLE maintenance_windows (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id   bigint REFERENCES targets (id),
  agency_id   bigint REFERENCES agencies (id),
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  reason      text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX maintenance_windows_target_id_idx ON maintenance_windows (target_id);
CREATE INDEX maintenance_windows_agency_id_idx ON maintenance_windows (agency_id);
CREATE INDEX maintenance_windows_ends_at_idx ON maintenance_windows (ends_at);

CREATE TABLE incidents (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  target_id        bigint REFERENCES targets (id),        -- NULL for a mass outage
  kind             text NOT NULL CHECK (kind IN ('outage', 'mass_outage', 'flapping', 'tls_grade_drop', 'cert_expiry')),
  opened_at        timestamptz NOT NULL,
  closed_at        timestamptz,
  acknowledged_at  timestamptz,
  acknowledged_by  text,
  details          jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX incidents_target_id_idx ON incidents (target_id);
CREATE UNIQUE INDEX incidents_target_id_kind_open_idx ON incidents (target_id, kind) WHERE closed_at IS NULL;
CREATE INDEX incidents_opened_at_idx ON incidents (opened_at);

-- One row per transition, whatever happens to its notifications. suppressed names why none were
-- queued (maintenance, flapping) or is NULL.
CREATE TABLE alert_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_key    text NOT NULL UNIQUE,
  incident_id  bigint REFERENCES incidents (id),
  target_id    bigint REFERENCES targets (id),
  agency_id    bigint REFERENCES agencies (id),
  kind         text NOT NULL CHECK (kind IN ('outage_opened', 'outage_closed', 'flapping_started', 'flapping_ended',
                 'mass_outage', 'tls_grade_drop', 'tls_grade_restored', 'cert_expiry')),
  at           timestamptz NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  suppressed   text CHECK (suppressed IN ('maintenance', 'flapping')),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_events_incident_id_idx ON alert_events (incident_id);
CREATE INDEX alert_events_target_id_at_idx ON alert_events (target_id, at);
CREATE INDEX alert_events_agency_id_idx ON alert_events (agency_id);

CREATE TABLE alert_deliveries (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_event_id   bigint NOT NULL REFERENCES alert_events (id),
  subscription_id  bigint NOT NULL REFERENCES alert_subscriptions (id),
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  delivered_at     timestamptz,
  UNIQUE (alert_event_id, subscription_id)
);
CREATE INDEX alert_deliveries_subscription_id_idx ON alert_deliveries (subscription_id);
CREATE INDEX alert_deliveries_pending_idx ON alert_deliveries (next_attempt_at) WHERE status = 'pending';

-- What recordTlsObservation last saw per target: the grade to compare with, and the expiry
-- warning stage already sent for the current certificate.
CREATE TABLE tls_alert_state (
  target_id       bigint PRIMARY KEY REFERENCES targets (id),
  grade           text NOT NULL,
  cert_not_after  timestamptz,
  expiry_stage    integer,       -- the smallest of 30/14/7/1 days already warned about
  observed_at     timestamptz NOT NULL
);
