// Per-target assertions in targets.settings reach the probe through the real processor.
import { afterEach, describe, expect, it } from 'vitest';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { startHarness, type Harness } from '../../fixtures/availability/harness.ts';
import { checkPoints } from '../../../db/store/checks.ts';

let t: TestDb;
let h: Harness;
afterEach(async () => { await h?.close(); await t?.drop(); });

async function setSettings(id: number, settings: unknown): Promise<void> {
  await h.db.query('UPDATE targets SET settings = $2 WHERE id = $1', [id, JSON.stringify(settings)]);
}

describe('per-target uptime settings', () => {
  it('a keyword the page lacks makes the check down (keyword_missing); a present one keeps it up', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 2, controls: 0 });
    await setSettings(h.targets[0]!.id, { uptime: { keyword: 'سامانه خدمات' } });
    await setSettings(h.targets[1]!.id, { uptime: { keyword: 'ok', keywordMode: 'present' } });
    await h.runSlot(0);
    const [missing, present] = await Promise.all(h.targets.map((x) => checkPoints(h.db, x.id, h.slotMs(0) - 1, h.slotMs(1))));
    expect(missing!.map((c) => [c.outcome, c.errorClass])).toEqual([['down', 'keyword_missing'], ['down', 'keyword_missing'], ['down', 'keyword_missing']]);
    expect(present!.map((c) => c.outcome)).toEqual(['up']);
  });

  it('accepted statuses come from the target: a 503 accepted on purpose is up', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 1, controls: 0 });
    h.targets[0]!.page.up = false; // answers 503
    await setSettings(h.targets[0]!.id, { uptime: { acceptStatus: '200-299,503' } });
    await h.runSlot(0);
    expect((await checkPoints(h.db, h.targets[0]!.id, h.slotMs(0) - 1, h.slotMs(1))).map((c) => c.outcome)).toEqual(['up']);
  });

  it('invalid stored settings fall back to the defaults instead of failing the job', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 1, controls: 0 });
    await setSettings(h.targets[0]!.id, { uptime: { acceptStatus: 'all of them' } });
    await h.runSlot(0);
    expect((await checkPoints(h.db, h.targets[0]!.id, h.slotMs(0) - 1, h.slotMs(1))).map((c) => c.outcome)).toEqual(['up']);
  });
});
