// Dashboard fixtures written straight into the tables of the availability, TLS and speed issues:
// n agencies with one portal each (plus one agency with no portal), coverage, daily and
// 15-minute rollups, one TLS scan and one speed measurement per target. Set-based SQL, so 10,000
// targets take seconds. Agency i is "ag-<i>"; its target's state is up, except every 7th degraded.
import type { Db } from '../../db/client.ts';

const hist = (peak: number) => `ARRAY[${Array.from({ length: 40 }, (_, i) => (Math.abs(i - peak) <= 2 ? 10 - 3 * Math.abs(i - peak) : 0)).join(',')}]::int[]`;

export async function seedDashboard(db: Db, n: number, nowMs: number, opts: { days?: number; hours?: number } = {}): Promise<void> {
  const now = new Date(nowMs);
  await db.query(`INSERT INTO agencies (slug, name_fa, name_en, portal_url)
    SELECT 'ag-' || i, 'سازمان شماره ' || i, 'Agency number ' || i, 'http://127.0.0.1:9/p' || i FROM generate_series(1, $1) i`, [n]);
  await db.query(`INSERT INTO agencies (slug, name_fa, name_en, portal_url) VALUES ('no-portal', 'سازمان بی‌درگاه', 'Agency without portal', NULL)`);
  await db.query(`INSERT INTO targets (agency_id, kind, url) SELECT id, 'portal', portal_url FROM agencies WHERE portal_url IS NOT NULL`);
  await db.query(`INSERT INTO availability_coverage (target_id, covered_from, covered_to, evaluated_at)
    SELECT id, $1::timestamptz - interval '100 days', $1::timestamptz - interval '1 minute', $1 FROM targets`, [now]);
  await db.query(`INSERT INTO availability_rollups_1d (target_id, day, checks, up_checks, degraded_checks, down_checks, covered_s, down_s, unobserved_s, rt_hist)
    SELECT t.id, ($1::timestamptz - d * interval '1 day')::date, 1440, 1440, 0, 0, 86400, CASE WHEN (t.id + d) % 11 = 0 THEN 3600 ELSE 0 END, 0, ${hist(18)}
    FROM targets t, generate_series(1, $2) d`, [now, opts.days ?? 90]);
  await db.query(`INSERT INTO availability_rollups_15m (target_id, bucket_at, checks, up_checks, degraded_checks, down_checks, covered_s, down_s, unobserved_s, rt_hist)
    SELECT t.id, to_timestamp(floor(extract(epoch FROM $1::timestamptz) / 900) * 900 - q * 900), 15, CASE WHEN t.id % 7 = 0 THEN 10 ELSE 15 END,
      CASE WHEN t.id % 7 = 0 THEN 5 ELSE 0 END, 0, 900, 0, 0, CASE WHEN q % 4 = 0 THEN ${hist(20)} ELSE ${hist(17)} END
    FROM targets t, generate_series(0, $2) q`, [now, (opts.hours ?? 48) * 4 - 1]);
  await db.query(`INSERT INTO outages (target_id, started_at, ended_at, cause, regions)
    SELECT id, $1::timestamptz - interval '3 days', $1::timestamptz - interval '71 hours', 'http_status', ARRAY['local'] FROM targets WHERE id % 11 = 0`, [now]);
  await db.query(`INSERT INTO tls_scans (target_id, region, slot_at, scanned_at, outcome, grade, cert_not_after, duration_ms, evidence)
    SELECT id, 'local', $1::timestamptz - interval '1 hour', $1::timestamptz - interval '1 hour', 'graded', (ARRAY['A+','A','A-','B','C','F'])[1 + id % 6],
      $1::timestamptz + interval '60 days', 1000, $2::jsonb FROM targets`, [now, JSON.stringify(tlsEvidence)]);
  await db.query(`INSERT INTO speed_measurements (target_id, region, slot_at, measured_at, outcome, profile, settings_hash, runs_requested, runs_used,
      performance, structure, percentage, evidence)
    SELECT id, 'local', $1::timestamptz - interval '2 hours', $1::timestamptz - interval '2 hours', 'measured', 'gtmetrix-desktop', 'x', 3, 3,
      50 + id % 50, 80, 62 + id % 37, $2::jsonb FROM targets`, [now, JSON.stringify(speedEvidence)]);
  if (db.engine === 'postgres') await db.query('ANALYZE'); // as autovacuum would after a bulk load
}

/** A confirmed outage of target `targetId`, as the availability evaluator would record it. */
export async function seedOutage(db: Db, targetId: number, startMs: number): Promise<void> {
  await db.query(`INSERT INTO outages (target_id, started_at, cause, regions) VALUES ($1, $2, 'connection_refused', ARRAY['local'])`, [targetId, new Date(startMs)]);
  await db.query(`INSERT INTO availability_events (target_id, kind, at, cause, regions, dedupe_key)
    VALUES ($1, 'outage_opened', $2, 'connection_refused', ARRAY['local'], $3)`, [targetId, new Date(startMs), `outage_opened:${targetId}:${startMs}`]);
}

const tlsEvidence = {
  rating: {
    findings: [{ id: 'cap-b-legacy-protocols', kind: 'cap', cap: 'B', clause: '2009r', evidence: ['TLSv1'],
      message: { fa: 'پروتکل‌های قدیمی TLS 1.0/1.1 فعال‌اند', en: 'Legacy protocols TLS 1.0/1.1 are enabled' },
      advice: { fa: 'TLS 1.0 و 1.1 را غیرفعال کنید', en: 'Disable TLS 1.0 and 1.1' } }],
    advice: [{ fa: 'TLS 1.0 و 1.1 را غیرفعال کنید', en: 'Disable TLS 1.0 and 1.1' }],
    scores: { protocol: 95, keyExchange: 90, cipher: 90 },
  },
};

const speedEvidence = {
  metrics: { fcpMs: 820, lcpMs: 1900, tbtMs: 120, cls: 0.04, speedIndexMs: 1500, ttfbMs: 210, interactiveMs: 2400, pageBytes: 1_250_000, requestCount: 48 },
  advice: [{ auditId: 'render-blocking-resources', title: 'Eliminate render-blocking resources', score: 0.4, savingsMs: 640, savingsBytes: 0 },
    { auditId: 'uses-optimized-images', title: 'Efficiently encode images', score: 0.6, savingsMs: 310, savingsBytes: 420_000 }],
};

/** A closed period with frozen scores for one agency, as the scoring issue stores them. */
export async function seedScores(db: Db, agencySlug: string): Promise<void> {
  const [p] = await db.query<{ id: number }>(`INSERT INTO periods (slug, name_fa, name_en, starts_at, ends_at, rule_set_id, rule_set_version, closed_at)
    VALUES ('p-seed', 'دوره آزمون', 'Test period', '2025-01-01', '2025-02-01', 'period-6', 1, '2025-02-02') RETURNING id::int`);
  const digest = 'ab'.repeat(32);
  await db.query(`INSERT INTO period_scores (period_id, agency_id, target_id, indicator, raw, score, band, evidence, evidence_digest, rule_set_id, rule_set_version)
    SELECT $1, a.id, NULL, x.indicator, x.raw::jsonb, x.score, x.band, '{"window":"2025-01-02/2025-02-01"}'::jsonb, $3, 'period-6', 1
    FROM agencies a, (VALUES ('uptime', '{"uptimePct":99.4}', 1.0, 'excellent'), ('speed', '{"percentage":72}', 0.5, 'good'),
      ('tls', '{"grade":"B"}', 0.4, 'medium')) AS x(indicator, raw, score, band) WHERE a.slug = $2`, [p!.id, agencySlug, digest]);
}
