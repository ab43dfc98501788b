-- Degraded seconds in the availability rollups (issue 3: "checks, up, degraded, down and
-- unobserved seconds"): time the target was up but slow (its regions' quorum saw "degraded").
-- Up seconds stay covered − down − unobserved; degraded seconds are part of them.
ALTER TABLE availability_rollups_15m ADD COLUMN degraded_s double precision NOT NULL DEFAULT 0;
ALTER TABLE availability_rollups_1d ADD COLUMN degraded_s double precision NOT NULL DEFAULT 0;
