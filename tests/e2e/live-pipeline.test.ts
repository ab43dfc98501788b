// End to end through the real pipeline: fixture pages on 127.0.0.1 probed by the real uptime
// processor (the availability issue's harness, on an injected clock); when one page goes down the
// evaluator confirms an outage, the dashboard in Chromium shows it down without reloading, and the
// alert loop delivers one signed webhook per transition; when it comes back, both follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../services/api/app.ts';
import { issueApiKey } from '../../services/api/auth/issue-key.ts';
import { saveSubscription } from '../../db/store/alert-subscriptions.ts';
import { alertTick } from '../../services/alerts/run-alerts.ts';
import { buildNotifiers } from '../../services/alerts/notifiers/index.ts';
import { defaultBackoff } from '../../services/alerts/backoff.ts';
import { startHarness, type Harness } from '../fixtures/availability/harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../fixtures/receivers/webhook-receiver.ts';
import { pgSchema, type TestDb } from '../helpers/databases.ts';
import { silentLogger } from '../helpers/logger.ts';
import { launchChromium } from './harness.ts';

const SECRET = 'pipeline-secret-012345';

describe('a fixture page goes down and comes back', () => {
  let t: TestDb;
  let h: Harness;
  let app: FastifyInstance;
  let browser: Browser;
  let hook: WebhookReceiver;
  let url: string;
  let key: string;
  beforeAll(async () => {
    t = await pgSchema();
    [h, browser, hook] = await Promise.all([startHarness(t.db, { targets: 2, controls: 1 }), launchChromium(), startWebhookReceiver(SECRET)]);
    const issued = await issueApiKey(t.db, { role: 'operator' });
    if (!issued.ok) throw new Error(issued.reason);
    key = issued.key;
    await saveSubscription(t.db, { agencyId: null, locale: 'en', config: { channel: 'webhook', url: hook.url, secret: SECRET } });
    app = await buildApp({ db: t.db, logger: silentLogger, readiness: [], dashboard: { now: () => h.clock.t, pollMs: 100 } });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => { await browser?.close(); await app?.close(); await hook?.close(); await h?.close(); await t?.drop(); });

  const alerts = () => alertTick(t.db, { now: () => h.clock.t, flap: { windowMs: 30 * 60_000, threshold: 4 }, backoff: defaultBackoff,
    notifiers: buildNotifiers({ smtp: null, botApi: null }), logger: silentLogger });
  const runSlots = async (from: number, to: number) => { for (let i = from; i < to; i++) { await h.runSlot(i); await alerts(); } };

  it('shows it down live, alerts once, then shows it up and alerts once more', async () => {
    await runSlots(0, 5);
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(`${url}/dashboard/`);
    await page.click('[data-testid="lang-toggle"]');
    await page.fill('#api-key', key);
    await page.click('#sign-in');
    const target = h.targets[0]!;
    const row = `.vt-row[data-id="t${target.id}"]`;
    await page.waitForSelector(`${row}[data-state="up"]`, { timeout: 20_000 });

    target.page.up = false;
    await runSlots(5, 10);
    await page.waitForSelector(`${row}[data-state="down"]`, { timeout: 20_000 });
    expect(await page.getAttribute(`.vt-row[data-id="t${h.targets[1]!.id}"]`, 'data-state')).toBe('up');
    expect(hook.hits.items.map((x) => [x.body['kind'], x.body['targetId'], x.signatureValid])).toEqual([['outage_opened', target.id, true]]);

    target.page.up = true;
    await runSlots(10, 15);
    await page.waitForSelector(`${row}[data-state="up"]`, { timeout: 20_000 });
    expect(hook.hits.items.map((x) => x.body['kind'])).toEqual(['outage_opened', 'outage_closed']);
    expect(new Set(hook.hits.items.map((x) => x.eventId)).size).toBe(2);
  });
});
