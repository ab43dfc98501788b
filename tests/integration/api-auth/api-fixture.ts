// The API of issue 7 on a fresh database: the 158 seeded agencies, one key per role (the agency key
// belongs to "central-bank"), a service target per agency of interest, a closed and an open
// period, and the synthetic evidence source. Targets are back-dated so past periods include them.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type ApiDeps } from '../../../services/api/app.ts';
import { migrate } from '../../../db/migrate.ts';
import { seedAgenciesIfEmpty } from '../../../services/registry/import-agencies.ts';
import { issueApiKey } from '../../../services/api/auth/issue-key.ts';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { insertTarget, type TargetRow } from '../../../db/store/target-admin.ts';
import { createPeriod, periodBySlug, type Period } from '../../../db/store/periods.ts';
import { getRuleSet } from '../../../db/store/rule-sets.ts';
import { closePeriod } from '../../../services/scoring/score-period.ts';
import type { Role } from '../../../db/store/api-keys.ts';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { silentLogger } from '../../helpers/logger.ts';
import { syntheticEvidence } from '../scoring/synthetic-evidence.ts';

export type ApiFixture = {
  t: TestDb; app: FastifyInstance; keys: Record<Role, string>;
  own: { slug: string; id: number; target: TargetRow }; other: { slug: string; id: number; target: TargetRow };
  closed: Period; open: Period;
  as: (role: Role | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

const DAY = 86_400_000;

export async function pastPeriod(t: TestDb, slug: string, closed: boolean): Promise<Period> {
  const p = await createPeriod(t.db, { slug, nameFa: `دوره ${slug}`, nameEn: `period ${slug}`,
    startsAt: new Date('2024-09-21T20:30:00Z'), endsAt: new Date('2025-03-20T20:30:00Z'), ruleSetId: 'period-6', ruleSetVersion: 1 });
  if (!closed) return p;
  const rules = (await getRuleSet(t.db, 'period-6', 1))!.body;
  await closePeriod(t.db, syntheticEvidence(), p, rules, Date.now());
  return (await periodBySlug(t.db, slug))!;
}

export async function apiFixture(deps: Partial<ApiDeps> = {}): Promise<ApiFixture> {
  const t = await pgSchema();
  await migrate(t.db);
  await seedAgenciesIfEmpty(t.db, 'config/agencies.csv');
  const app = await buildApp({ db: t.db, logger: silentLogger, readiness: [], evidence: syntheticEvidence(),
    allowPrivateTargets: true, rateLimitPerMinute: 1_000_000, ...deps });
  const keys = {} as Record<Role, string>;
  for (const role of ['admin', 'operator', 'assessor', 'agency'] as const) {
    const out = await issueApiKey(t.db, role === 'agency' ? { role, agency: 'central-bank' } : { role });
    if (!out.ok) throw new Error(out.reason);
    keys[role] = out.key;
  }
  const party = async (slug: string) => {
    const a = (await agencyBySlug(t.db, slug))!;
    const target = await insertTarget(t.db, { agencyId: a.id, kind: 'service', url: `https://${slug}.example/service`, name: 'service' });
    return { slug, id: a.id, target };
  };
  const own = await party('central-bank');
  const other = await party('aeoi');
  await t.db.query(`UPDATE targets SET created_at = $1`, [new Date(Date.parse('2024-09-21T20:30:00Z') - 400 * DAY)]);
  const closed = await pastPeriod(t, 'p-closed', true);
  const open = await createPeriod(t.db, { slug: 'p-open', nameFa: 'دوره باز', nameEn: 'open period',
    startsAt: new Date(Date.now() - 30 * DAY), endsAt: new Date(Date.now() + 150 * DAY), ruleSetId: 'period-6', ruleSetVersion: 1 });
  const as = (role: Role | null, opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(role ? { authorization: `Bearer ${keys[role]}` } : {}) } });
  return { t, app, keys, own, other, closed, open, as, close: async () => { await app.close(); await t.drop(); } };
}
