// Control-target checks: once per (region, bucket of one uptime interval), claimed by the first
// uptime job of the bucket, so every region probes its controls once per interval whatever the
// number of targets.
import type { Db } from '../client.ts';
import type { ControlVerdict } from '../../services/availability/types.ts';

/** True for exactly one caller per (region, bucket). */
export async function claimControlRound(db: Db, region: string, bucketMs: number, bucketS: number, nowMs: number): Promise<boolean> {
  const rows = await db.query(`INSERT INTO control_rounds (region, bucket_at, bucket_s, claimed_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (region, bucket_at) DO NOTHING RETURNING 1 AS ok`, [region, new Date(bucketMs), bucketS, new Date(nowMs)]);
  return rows.length > 0;
}

export type ControlCheck = { url: string; checkedMs: number; ok: boolean; errorClass: string | null };

export async function insertControlChecks(db: Db, region: string, bucketMs: number, checks: readonly ControlCheck[]): Promise<void> {
  for (const c of checks) {
    await db.query(`INSERT INTO control_checks (region, bucket_at, url, checked_at, ok, error_class) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (region, bucket_at, url) DO NOTHING`, [region, new Date(bucketMs), c.url, new Date(c.checkedMs), c.ok, c.errorClass]);
  }
}

/** Verdicts of the buckets in [fromMs, toMs): failed = more than half of the controls were down. */
export async function controlVerdicts(db: Db, fromMs: number, toMs: number, region?: string): Promise<ControlVerdict[]> {
  const rows = await db.query<{ region: string; bucket_ms: number; failed: boolean }>(`SELECT region,
      (extract(epoch FROM bucket_at) * 1000)::float8 AS bucket_ms, count(*) FILTER (WHERE NOT ok) * 2 > count(*) AS failed
    FROM control_checks WHERE bucket_at >= $1 AND bucket_at < $2 AND ($3::text IS NULL OR region = $3)
    GROUP BY region, bucket_at`, [new Date(fromMs), new Date(toMs), region ?? null]);
  return rows.map((r) => ({ region: r.region, bucketMs: Math.round(r.bucket_ms), failed: r.failed }));
}
