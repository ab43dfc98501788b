// Stored speed measurements: the evidence behind indicator 4.
import type { Db } from '../client.ts';
import type { SpeedResult } from '../../probes/speed/types.ts';
import type { SlotKey } from './tls-scans.ts';

export type SpeedRow = {
  id: number; targetId: number; region: string; slotAt: Date; measuredAt: Date;
  outcome: SpeedResult['outcome']; profile: string; settingsHash: string; chromiumVersion: string | null;
  lighthouseVersion: string | null; runsUsed: number; performance: number | null; structure: number | null;
  percentage: number | null; errorClass: string | null;
};

const columns = `id, target_id AS "targetId", region, slot_at AS "slotAt", measured_at AS "measuredAt", outcome, profile,
  settings_hash AS "settingsHash", chromium_version AS "chromiumVersion", lighthouse_version AS "lighthouseVersion",
  runs_used AS "runsUsed", performance, structure, percentage, error_class AS "errorClass"`;

/** Everything but the compressed report goes into `evidence`; the report into its own column. */
function evidenceOf(r: SpeedResult): string {
  if (r.outcome === 'failed') return JSON.stringify(r);
  const { reportGzip: _report, ...rest } = r;
  return JSON.stringify(rest);
}

/** Stores one measurement; a second write for the same slot is a no-op. Returns whether it was stored. */
export async function insertSpeedMeasurement(db: Db, key: SlotKey, r: SpeedResult, measuredAtMs: number): Promise<boolean> {
  const m = r.outcome === 'measured' ? r : null;
  const rows = await db.query(`INSERT INTO speed_measurements (target_id, region, slot_at, measured_at, outcome, profile,
      settings_hash, lighthouse_version, chromium_version, runs_requested, runs_used, performance, structure,
      percentage, error_class, evidence, report_gz)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
    ON CONFLICT (target_id, region, slot_at) DO NOTHING RETURNING id`, [
    key.targetId, key.region, new Date(key.slotMs), new Date(measuredAtMs), r.outcome, r.profile, r.settingsHash,
    r.lighthouseVersion, r.chromiumVersion, r.runsRequested, m?.runsUsed ?? 0, m?.performance ?? null,
    m?.structure ?? null, m?.percentage ?? null, r.outcome === 'failed' ? r.error.class : null, evidenceOf(r),
    m?.reportGzip ?? null,
  ]);
  return rows.length === 1;
}

export function speedMeasurementsInWindow(db: Db, targetId: number, from: Date, to: Date): Promise<SpeedRow[]> {
  return db.query<SpeedRow>(`SELECT ${columns} FROM speed_measurements
    WHERE target_id = $1 AND measured_at >= $2 AND measured_at < $3 ORDER BY measured_at`, [targetId, from, to]);
}

/** The gzip'd Lighthouse report of one measurement (served as evidence). */
export async function speedReport(db: Db, id: number): Promise<Buffer | undefined> {
  const [row] = await db.query<{ report: Uint8Array | null }>('SELECT report_gz AS report FROM speed_measurements WHERE id = $1', [id]);
  return row?.report ? Buffer.from(row.report) : undefined;
}

/** Whether this slot already has a measurement (a retried job then skips the costly runs). */
export async function speedSlotStored(db: Db, key: SlotKey): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM speed_measurements WHERE target_id = $1 AND region = $2 AND slot_at = $3`,
    [key.targetId, key.region, new Date(key.slotMs)]);
  return rows.length > 0;
}

export type ChromiumSpan = { version: string; from: Date; to: Date; measurements: number };

/** The Chromium versions that measured pages in [from, to) under `profile`, oldest first. */
export function chromiumVersionsInWindow(db: Db, from: Date, to: Date, profile: string): Promise<ChromiumSpan[]> {
  return db.query<ChromiumSpan>(`SELECT chromium_version AS version, min(measured_at) AS "from", max(measured_at) AS "to",
      count(*)::int AS measurements
    FROM speed_measurements WHERE outcome = 'measured' AND profile = $3 AND measured_at >= $1 AND measured_at < $2
      AND chromium_version IS NOT NULL
    GROUP BY chromium_version ORDER BY min(measured_at)`, [from, to, profile]);
}
