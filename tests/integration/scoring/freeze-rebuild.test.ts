// A closed period's scores are frozen with their rule set version and evidence digest; deleting
// them and rebuilding from the stored evidence gives identical rows; a rule set a period used
// cannot be edited. Runs on Postgres and on PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate.ts';
import { importAgencyCsv } from '../../../services/registry/import-agencies.ts';
import { getRuleSet, RuleSetInUseError, saveRuleSet, syncRuleSets } from '../../../db/store/rule-sets.ts';
import { createPeriod, oldestEvidenceNeeded, periodBySlug } from '../../../db/store/periods.ts';
import { deleteFrozenScores, frozenScores } from '../../../db/store/period-scores.ts';
import { closePeriod, comparable, PeriodStateError, rebuildPeriodScores } from '../../../services/scoring/score-period.ts';
import { parseRuleSet } from '../../../config/rulesets/rule-set.ts';
import { period6 } from '../../../config/rulesets/period-6.ts';
import { engines, type TestDb } from '../../helpers/databases.ts';
import { syntheticEvidence } from './synthetic-evidence.ts';

const csv = `slug,name_fa,name_en,portal_url
alpha,دستگاه الف,Alpha,https://alpha.example/
beta,دستگاه ب,Beta,https://beta.example/
gamma,دستگاه ج,Gamma,
`;
const START = new Date('2024-09-21T20:30:00Z');
const END = new Date('2025-03-20T20:30:00Z');

describe.each(engines)('frozen scores on $name', ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    await migrate(t.db);
    await syncRuleSets(t.db, [period6]);
    await importAgencyCsv(t.db, csv);
    const [beta] = await t.db.query<{ id: number }>(`SELECT id FROM agencies WHERE slug = 'beta'`);
    await t.db.query(`INSERT INTO targets (agency_id, kind, url) VALUES ($1, 'service', 'https://beta.example/s')`, [beta!.id]);
    await t.db.query('UPDATE targets SET created_at = $1', [new Date('2024-01-01T00:00:00Z')]);
  });
  afterAll(async () => { await t.drop(); });

  it('closing freezes every target and agency score with the rule set version; rebuilding after deletion is identical', async () => {
    const p = await createPeriod(t.db, { slug: 'p13', nameFa: 'دوره سیزدهم', nameEn: 'period 13', startsAt: START, endsAt: END, ruleSetId: 'period-6', ruleSetVersion: 1 });
    const rules = (await getRuleSet(t.db, 'period-6', 1))!.body;
    const evidence = syntheticEvidence({ unobservedTargets: new Set([1]), noHttpsTargets: new Set([2]) });
    expect(await closePeriod(t.db, evidence, p, rules, Date.now())).toBe(3 * 3 + 3 * 3); // 3 targets + 3 agencies, 3 indicators each
    const closed = (await periodBySlug(t.db, 'p13'))!;
    expect(closed.closedAt).toBeInstanceOf(Date);
    const frozen = await frozenScores(t.db, closed.id);
    expect(new Set(frozen.map((r) => `${r.ruleSetId}@${r.ruleSetVersion}`))).toEqual(new Set(['period-6@1']));
    const alphaPortal = frozen.filter((r) => r.targetId === 1);
    expect(alphaPortal.find((r) => r.indicator === 'uptime')).toMatchObject({ score: 0.5, raw: { uptimePct: null } }); // 80 % unobserved
    const betaPortalTls = frozen.find((r) => r.targetId === 2 && r.indicator === 'tls')!;
    expect(betaPortalTls).toMatchObject({ score: 0, raw: { grade: 'no_https' }, evidence: { scanId: 200 } });
    const gamma = frozen.filter((r) => r.targetId === null && r.agencyId === 3);
    expect(gamma.map((r) => [r.indicator, r.score])).toEqual([['speed', 0], ['tls', 0], ['uptime', 0.5]]); // no portal: no measurement

    expect(await deleteFrozenScores(t.db, closed.id)).toBe(18);
    const rebuilt = await rebuildPeriodScores(t.db, evidence, closed, rules);
    expect(rebuilt).toMatchObject({ restored: true, rows: 18 });
    const again = await frozenScores(t.db, closed.id);
    expect(again.map(comparable)).toEqual(frozen.map(comparable));
    expect(again.map((r) => r.evidenceDigest)).toEqual(frozen.map((r) => r.evidenceDigest));
  });

  it('a rebuild over frozen rows compares and never overwrites them', async () => {
    const p = (await periodBySlug(t.db, 'p13'))!;
    const rules = (await getRuleSet(t.db, 'period-6', 1))!.body;
    const evidence = syntheticEvidence({ unobservedTargets: new Set([1]), noHttpsTargets: new Set([2]) });
    expect(await rebuildPeriodScores(t.db, evidence, p, rules)).toMatchObject({ restored: false, identical: true, differing: 0 });
    // Different evidence (e.g. tampered or lost) shows as a difference; the frozen rows stay.
    const before = (await frozenScores(t.db, p.id)).map(comparable);
    const other = await rebuildPeriodScores(t.db, syntheticEvidence(), p, rules);
    expect(other.identical).toBe(false);
    expect(other.differing).toBeGreaterThan(0);
    expect((await frozenScores(t.db, p.id)).map(comparable)).toEqual(before);
    await expect(closePeriod(t.db, evidence, p, rules, Date.now())).rejects.toThrow(PeriodStateError);
  });

  it('refuses to edit a rule set version a period used, in the store and in the database itself', async () => {
    const edited = parseRuleSet({ ...period6, uptime: { ...period6.uptime, bands: [{ min: 95, score: 1 }, { min: 90, score: 0.5 }] } });
    await expect(saveRuleSet(t.db, edited)).rejects.toThrow(RuleSetInUseError);
    await expect(saveRuleSet(t.db, edited)).rejects.toThrow(/add version 2 instead/);
    await expect(t.db.query(`UPDATE rule_sets SET body = '{}'::jsonb WHERE id = 'period-6'`)).rejects.toThrow(/used by a period/);
    await expect(t.db.query(`DELETE FROM rule_sets WHERE id = 'period-6'`)).rejects.toThrow(/used by a period/);
    expect(await saveRuleSet(t.db, period6)).toBe('unchanged');
    expect(await saveRuleSet(t.db, { ...edited, version: 2 })).toBe('inserted');
    const v3 = { ...edited, version: 3 };
    expect(await saveRuleSet(t.db, v3)).toBe('inserted');
    expect(await saveRuleSet(t.db, { ...v3, name: { fa: 'قواعد تازه', en: 'new rules' } })).toBe('updated'); // unused: may change
    expect((await getRuleSet(t.db, 'period-6'))!.version).toBe(3);
  });

  it('keeps raw evidence from the oldest instant any period rests on', async () => {
    expect((await oldestEvidenceNeeded(t.db))!.toISOString()).toBe(START.toISOString());
    await createPeriod(t.db, { slug: 'short', nameFa: 'کوتاه', nameEn: 'short', startsAt: new Date('2023-01-10T20:30:00Z'),
      endsAt: new Date('2023-01-20T20:30:00Z'), ruleSetId: 'period-6', ruleSetVersion: 1 });
    expect((await oldestEvidenceNeeded(t.db))!.toISOString()).toBe('2023-01-10T20:30:00.000Z');
  });
});
