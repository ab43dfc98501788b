// Scoring over the real stores: availability intervals (outages, unobserved spans, coverage), TLS
// scans and speed measurements as the workers store them. Closing freezes; deleting the frozen
// rows and rebuilding from the stored evidence gives identical rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate.ts';
import { importAgencyCsv } from '../../../services/registry/import-agencies.ts';
import { getRuleSet, syncRuleSets } from '../../../db/store/rule-sets.ts';
import { createPeriod, periodBySlug } from '../../../db/store/periods.ts';
import { deleteFrozenScores, frozenScores } from '../../../db/store/period-scores.ts';
import { closePeriod, comparable, rebuildPeriodScores } from '../../../services/scoring/score-period.ts';
import { dbEvidence } from '../../../services/scoring/evidence-db.ts';
import { period6 } from '../../../config/rulesets/period-6.ts';
import { saveRuleSet } from '../../../db/store/rule-sets.ts';
import { parseRuleSet } from '../../../config/rulesets/rule-set.ts';
import { engines, type TestDb } from '../../helpers/databases.ts';

const START = new Date('2024-09-21T20:30:00Z');
const END = new Date('2025-03-20T20:30:00Z');
const H = 3_600_000;

describe.each(engines)('scores from the stored evidence on $name', ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    await migrate(t.db);
    await syncRuleSets(t.db, [period6]);
    await importAgencyCsv(t.db, 'slug,name_fa,name_en,portal_url\nalpha,دستگاه الف,Alpha,https://alpha.example/\n');
    await t.db.query('UPDATE targets SET created_at = $1', [new Date('2024-01-01T00:00:00Z')]);
    const q = (sql: string, p: unknown[]) => t.db.query(sql, p);
    await q('INSERT INTO availability_coverage (target_id, covered_from, covered_to, evaluated_at) VALUES (1, $1, $2, $2)', [new Date('2024-06-01T00:00:00Z'), new Date(END.getTime() + 24 * H)]);
    await q(`INSERT INTO outages (target_id, started_at, ended_at, cause, regions) VALUES (1, $1, $2, 'connect_timeout', '{local}')`, [new Date(END.getTime() - 5 * 24 * H), new Date(END.getTime() - 5 * 24 * H + 10 * H)]);
    await q(`INSERT INTO outages (target_id, started_at, ended_at, cause, regions) VALUES (1, $1, $2, 'http_status', '{local}')`, [new Date(START.getTime() + 24 * H), new Date(START.getTime() + 48 * H)]); // outside the 30-day window
    await q(`INSERT INTO unobserved_spans (target_id, started_at, ended_at, cause, regions) VALUES (1, $1, $2, 'no_checks', '{local}')`, [new Date(END.getTime() - 2 * 24 * H), new Date(END.getTime() - 24 * H)]);
    const tls = `INSERT INTO tls_scans (target_id, region, slot_at, scanned_at, outcome, grade, duration_ms, evidence) VALUES (1, 'local', $1, $1, $2, $3, 1000, '{}')`;
    await q(tls, [new Date(START.getTime() + 10 * 24 * H), 'graded', 'A']);
    await q(tls, [new Date(START.getTime() + 20 * 24 * H), 'graded', 'B']);
    await q(tls, [new Date(START.getTime() + 30 * 24 * H), 'error', null]); // our failure: not a measurement
    const speed = `INSERT INTO speed_measurements (target_id, region, slot_at, measured_at, outcome, profile, settings_hash, runs_requested, percentage, evidence)
      VALUES (1, 'local', $1, $1, $2, $3, 'h', 3, $4, '{}')`;
    await q(speed, [new Date(START.getTime() + 1 * H), 'measured', 'gtmetrix-desktop', 85]);
    await q(speed, [new Date(START.getTime() + 2 * H), 'measured', 'gtmetrix-desktop', 95]);
    await q(speed, [new Date(START.getTime() + 3 * H), 'failed', 'gtmetrix-desktop', null]);
    await q(speed, [new Date(START.getTime() + 4 * H), 'measured', 'mobile-simulated', 10]); // another profile: never compared
  });
  afterAll(async () => { await t.drop(); });

  it('freezes uptime, speed and TLS from the stores and rebuilds them identically', async () => {
    const p = await createPeriod(t.db, { slug: 'p13', nameFa: 'دوره سیزدهم', nameEn: 'period 13', startsAt: START, endsAt: END, ruleSetId: 'period-6', ruleSetVersion: 1 });
    const rules = (await getRuleSet(t.db, 'period-6', 1))!.body;
    await closePeriod(t.db, dbEvidence(t.db), p, rules, Date.now());
    const closed = (await periodBySlug(t.db, 'p13'))!;
    const rows = await frozenScores(t.db, closed.id);
    const portal = Object.fromEntries(rows.filter((r) => r.targetId === 1).map((r) => [r.indicator, r]));
    // 30-day window, 1 day unobserved, 10 h down: 1 − 10 / (29 × 24) = 98.56 % → 0.5
    expect(portal['uptime']).toMatchObject({ score: 0.5, raw: { uptimePct: 98.56, downtimeS: 36_000, unobservedS: 86_400 } });
    expect(portal['uptime']!.evidence['outages']).toEqual([{ from: '2025-03-15T20:30:00.000Z', to: '2025-03-16T06:30:00.000Z' }]);
    expect(portal['uptime']!.evidence['unobserved']).toEqual([{ from: '2025-03-18T20:30:00.000Z', to: '2025-03-19T20:30:00.000Z' }]);
    expect(portal['tls']).toMatchObject({ score: 0.4, raw: { grade: 'B' }, evidence: { scans: 2 } });
    expect(portal['speed']).toMatchObject({ score: 1, raw: { percentage: 90, runs: 2 } });
    expect(rows.filter((r) => r.targetId === null).map((r) => r.score)).toEqual([1, 0.4, 0.5]);

    await deleteFrozenScores(t.db, closed.id);
    expect(await rebuildPeriodScores(t.db, dbEvidence(t.db), closed, rules)).toMatchObject({ restored: true });
    expect((await frozenScores(t.db, closed.id)).map(comparable)).toEqual(rows.map(comparable));
  });

  it('leaves downtime inside announced maintenance out when the rule set says so', async () => {
    // 4 of the 10 outage hours fall in a maintenance window of the agency (the window overlaps another one: counted once).
    const outageStart = END.getTime() - 5 * 24 * H;
    await t.db.query(`INSERT INTO maintenance_windows (agency_id, starts_at, ends_at, reason, created_at)
      VALUES (1, $1, $2, 'upgrade', $1::timestamptz - interval '1 day'), (1, $3, $2, 'overlap', $3::timestamptz + interval '10 minutes')`,
      [new Date(outageStart - H), new Date(outageStart + 4 * H), new Date(outageStart + H)]);
    await saveRuleSet(t.db, parseRuleSet({ ...period6, version: 2, uptime: { ...period6.uptime, maintenanceCountsAsDowntime: false } }));
    const scored = async (slug: string, version: number) => {
      const p = await createPeriod(t.db, { slug, nameFa: slug, nameEn: slug, startsAt: START, endsAt: END, ruleSetId: 'period-6', ruleSetVersion: version });
      await closePeriod(t.db, dbEvidence(t.db), p, (await getRuleSet(t.db, 'period-6', version))!.body, Date.now());
      return (await frozenScores(t.db, p.id)).find((r) => r.targetId === 1 && r.indicator === 'uptime')!;
    };
    const counted = await scored('counted', 1);
    expect(counted).toMatchObject({ score: 0.5, raw: { uptimePct: 98.56, downtimeInMaintenanceS: 14_400 } });
    expect((counted.evidence['maintenance'] as unknown[]).length).toBe(2);
    const excused = await scored('excused', 2);
    // 1 − 6 h / (696 h − 4 h) = 99.13 %
    expect(excused).toMatchObject({ score: 1, raw: { uptimePct: 99.13, downtimeInMaintenanceS: 14_400 } });
  });

  it('a window entered after the fact excuses nothing and leaves a closed period\'s rebuild identical', async () => {
    const outageStart = END.getTime() - 5 * 24 * H;
    const p = await createPeriod(t.db, { slug: 'backdated', nameFa: 'ب', nameEn: 'b', startsAt: START, endsAt: END, ruleSetId: 'period-6', ruleSetVersion: 2 });
    const rules = (await getRuleSet(t.db, 'period-6', 2))!.body;
    await closePeriod(t.db, dbEvidence(t.db), p, rules, Date.now());
    const closed = (await periodBySlug(t.db, 'backdated'))!;
    const before = (await frozenScores(t.db, closed.id)).map(comparable);
    // Backdated over the rest of the outage, entered today: not announced, so it does not count.
    await t.db.query(`INSERT INTO maintenance_windows (agency_id, starts_at, ends_at, reason) VALUES (1, $1, $2, 'afterwards')`,
      [new Date(outageStart + 4 * H), new Date(outageStart + 10 * H)]);
    expect(await rebuildPeriodScores(t.db, dbEvidence(t.db), closed, rules)).toMatchObject({ identical: true });
    expect((await frozenScores(t.db, closed.id)).map(comparable)).toEqual(before);
  });
});
