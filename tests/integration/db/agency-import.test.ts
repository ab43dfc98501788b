import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { migrate } from '../../../db/migrate.ts';
import { engines, type TestDb } from '../../helpers/databases.ts';
import { importAgencyCsv, seedAgenciesIfEmpty } from '../../../services/registry/import-agencies.ts';
import { agencyBySlug, countAgencies, listAgencies } from '../../../db/store/agencies.ts';
import { listActiveTargets } from '../../../db/store/targets.ts';

const header = 'slug,name_fa,name_en,portal_url';

describe.each(engines)('agency import on $name', ({ open }) => {
  let t: TestDb;
  afterEach(async () => { await t?.drop(); });

  it('seeds 158 agencies on first start only; the one without a URL is kept but not probed', async () => {
    t = await open();
    await migrate(t.db);
    const first = await seedAgenciesIfEmpty(t.db, 'config/agencies.csv');
    expect(first).toMatchObject({ inserted: 158, rejected: [] });
    expect(await seedAgenciesIfEmpty(t.db, 'config/agencies.csv')).toBeNull();
    expect(await countAgencies(t.db)).toBe(158);
    expect(await listActiveTargets(t.db)).toHaveLength(157);
    const page = await listAgencies(t.db, { limit: 1000 });
    expect(page.filter((a) => a.portalUrl === null)).toHaveLength(1);
  });

  it('stores good rows, reports bad ones, and loses nothing already stored', async () => {
    t = await open();
    await migrate(t.db);
    await importAgencyCsv(t.db, readFileSync('config/agencies.csv', 'utf8'));
    const report = await importAgencyCsv(t.db, [header,
      'central-bank,بانک مرکزی,Central Bank (renamed),https://www.cbi.ir/',
      'new-agency,دستگاه تازه,New Agency,https://new.example.ir/',
      'broken,خراب,Broken,not a url',
    ].join('\n'));
    expect(report).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    expect(report.rejected).toEqual([{ line: 4, slug: 'broken', reason: 'malformed URL "not a url"' }]);
    expect(await countAgencies(t.db)).toBe(159);
    expect(await agencyBySlug(t.db, 'central-bank')).toMatchObject({ nameEn: 'Central Bank (renamed)', portalUrl: 'https://www.cbi.ir/' });
    expect(await agencyBySlug(t.db, 'pasteur-institute')).toMatchObject({ portalUrl: 'http://fa.pasteur.ac.ir/' });
  });

  it('retires a replaced portal target instead of deleting its history', async () => {
    t = await open();
    await migrate(t.db);
    await importAgencyCsv(t.db, `${header}\na,الف,A,https://old.example/\n`);
    await importAgencyCsv(t.db, `${header}\na,الف,A,https://new.example/\n`);
    const all = await t.db.query<{ url: string; retired: boolean }>('SELECT url, retired_at IS NOT NULL AS retired FROM targets ORDER BY id');
    expect(all).toEqual([{ url: 'https://old.example/', retired: true }, { url: 'https://new.example/', retired: false }]);
  });
});
