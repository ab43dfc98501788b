// The alerting loop as a real process: `sanjeh alerts subscribe` validates and saves a webhook
// subscription, `sanjeh alerts run` turns an availability event into one signed delivery and stops
// cleanly on SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client.ts';
import { execSanjeh, runSanjeh } from '../../helpers/process.ts';
import { pgDatabase } from '../../helpers/databases.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../fixtures/receivers/webhook-receiver.ts';
import { addAvailabilityEvent, prepareAlertDb } from './setup.ts';

const SECRET = 'process-test-secret-0123';

describe('sanjeh alerts (process)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: Db;
  let hook: WebhookReceiver;
  let ids: Awaited<ReturnType<typeof prepareAlertDb>>;
  beforeAll(async () => {
    database = await pgDatabase();
    db = await openDb({ url: database.url, dataDir: '' });
    ids = await prepareAlertDb(db);
    hook = await startWebhookReceiver(SECRET);
  });
  afterAll(async () => { await hook.close(); await db.close(); await database.drop(); });

  it('subscribes, delivers one signed event per transition, and stops on SIGTERM', async () => {
    const env = { DATABASE_URL: database.url, ALERT_TICK_S: '1' };
    const bad = await execSanjeh(['alerts', 'subscribe', '--agency', 'agency-a', '--channel', 'webhook', '--url', hook.url, '--secret', 'short'], env);
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/secret: a secret of at least 16 characters/);
    const ok = await execSanjeh(['alerts', 'subscribe', '--agency', 'agency-a', '--channel', 'webhook', '--url', hook.url, '--secret', SECRET, '--locale', 'en'], env);
    expect(ok.output).toMatch(/subscription \d+ saved/);
    const loop = runSanjeh(['alerts', 'run'], env);
    try {
      await loop.waitFor(/Sanjeh alerts running/);
      await addAvailabilityEvent(db, ids.targetA, 'outage_opened', Date.now() - 60_000);
      const [hit] = await hook.hits.atLeast(1, 30_000);
      expect(hit).toMatchObject({ signatureValid: true, status: 200 });
      expect(hit!.body).toMatchObject({ kind: 'outage_opened', subject: 'DOWN: Agency A', agency: 'agency-a' });
    } finally {
      expect(await loop.stop()).toBe(0);
    }
    expect(hook.hits.items).toHaveLength(1);
  });
});
