// A period's report says when the Chromium that measured speed changed within the period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, type ApiFixture } from '../api-auth/api-fixture.ts';

const insert = `INSERT INTO speed_measurements (target_id, region, slot_at, measured_at, outcome, profile, settings_hash,
  chromium_version, runs_requested, runs_used, percentage, evidence) VALUES ($1, 'local', $2, $2, 'measured', $3, 'h', $4, 3, 3, 80, '{}')`;

describe('period notices', () => {
  let f: ApiFixture;
  beforeAll(async () => { f = await apiFixture(); });
  afterAll(async () => { await f.close(); });

  it('no notice while one Chromium version measured the period', async () => {
    await f.t.db.query(insert, [f.own.target.id, new Date('2024-10-01T00:00:00Z'), 'gtmetrix-desktop', '155.0.7000.1']);
    const res = await f.as('assessor', { url: `/api/v1/periods/${f.closed.slug}/scores` });
    expect(res.statusCode).toBe(200);
    expect(res.json().notices).toEqual([]);
  });

  it('a second version inside the period is named in Persian and English, in scores and rankings', async () => {
    await f.t.db.query(insert, [f.own.target.id, new Date('2025-01-10T00:00:00Z'), 'gtmetrix-desktop', '156.0.8078.79']);
    await f.t.db.query(insert, [f.own.target.id, new Date('2025-01-11T00:00:00Z'), 'mobile-simulated', '157.0.1.1']); // other profile
    await f.t.db.query(insert, [f.own.target.id, new Date('2025-06-01T00:00:00Z'), 'gtmetrix-desktop', '158.0.1.1']); // after the period
    const scores = (await f.as('assessor', { url: `/api/v1/periods/${f.closed.slug}/scores` })).json();
    expect(scores.notices).toHaveLength(1);
    expect(scores.notices[0]).toMatchObject({
      id: 'chromium-version-changed',
      versions: [{ version: '155.0.7000.1', measurements: 1 }, { version: '156.0.8078.79', measurements: 1 }],
    });
    expect(scores.notices[0].en).toContain('155.0.7000.1 → 156.0.8078.79');
    expect(scores.notices[0].fa).toContain('کرومیوم');
    const rankings = (await f.as('assessor', { url: `/api/v1/periods/${f.closed.slug}/rankings` })).json();
    expect(rankings.notices.map((n: { id: string }) => n.id)).toEqual(['chromium-version-changed']);
  });
});
