-- Rule sets as versioned records and the evaluation periods scored under them (issue 7).
-- A rule set version used by a period is frozen: the trigger refuses any change to it, so a
-- period's scores stay reproducible under the rules it was scored with. Add a new version instead.
CREATE TABLE rule_sets (
  id          text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  version     integer NOT NULL CHECK (version >= 1),
  body        jsonb NOT NULL,
  checksum    text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE periods (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name_fa           text NOT NULL CHECK (length(name_fa) > 0),
  name_en           text NOT NULL CHECK (length(name_en) > 0),
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  rule_set_id       text NOT NULL,
  rule_set_version  integer NOT NULL,
  closed_at         timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  FOREIGN KEY (rule_set_id, rule_set_version) REFERENCES rule_sets (id, version)
);
CREATE INDEX periods_rule_set_id_rule_set_version_idx ON periods (rule_set_id, rule_set_version);
CREATE INDEX periods_starts_at_idx ON periods (starts_at);

CREATE FUNCTION rule_sets_refuse_used_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM periods p WHERE p.rule_set_id = OLD.id AND p.rule_set_version = OLD.version) THEN
    RAISE EXCEPTION 'rule set % version % is used by a period and cannot be changed; add a new version', OLD.id, OLD.version
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER rule_sets_refuse_used_edit BEFORE UPDATE OR DELETE ON rule_sets
  FOR EACH ROW EXECUTE FUNCTION rule_sets_refuse_used_edit();
