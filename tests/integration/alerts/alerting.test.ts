// Alerting end to end against local receivers (webhook with HMAC check, SMTP, bot API), on both
// database engines: availability events → incidents → alert events → deliveries → receivers.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Socket } from 'node:net';
import { once } from 'node:events';
import { engines, type TestDb } from '../../helpers/databases.ts';
import { buildNotifiers } from '../../../services/alerts/notifiers/index.ts';
import { alertTick } from '../../../services/alerts/run-alerts.ts';
import { saveSubscription } from '../../../db/store/alert-subscriptions.ts';
import { listDeliveries } from '../../../db/store/alert-deliveries.ts';
import { listAlertEvents } from '../../../db/store/alert-events.ts';
import { listIncidents } from '../../../db/store/incidents.ts';
import { openMaintenanceWindow } from '../../../db/store/maintenance-windows.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../fixtures/receivers/webhook-receiver.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../fixtures/receivers/smtp-receiver.ts';
import { startBotApiReceiver, type BotApiReceiver } from '../../fixtures/receivers/bot-api-receiver.ts';
import { addAvailabilityEvent, alertDeps, clock, MIN, prepareAlertDb, T0 } from './setup.ts';

const SECRET = 'a-very-secret-key-0123';
const TOKEN = '123456:test-token';

type World = Awaited<ReturnType<typeof prepareAlertDb>> & {
  t: TestDb; hook: WebhookReceiver; smtp: SmtpReceiver; bot: BotApiReceiver; c: ReturnType<typeof clock>;
  deps: ReturnType<typeof alertDeps>; tick: () => Promise<void>;
};

describe.each(engines)('alerting on $name', ({ open }) => {
  let w: World | undefined;
  afterEach(async () => {
    if (!w) return;
    await Promise.all([w.hook.close(), w.smtp.close(), w.bot.close()]);
    await w.t.drop();
    w = undefined;
  });

  async function world(plans: { hook?: number[]; smtpReject?: number; bot?: number[] } = {}, flapThreshold = 4): Promise<World> {
    const t = await open();
    const ids = await prepareAlertDb(t.db);
    const [hook, smtp, bot] = await Promise.all([startWebhookReceiver(SECRET, plans.hook), startSmtpReceiver(plans.smtpReject), startBotApiReceiver(TOKEN, plans.bot)]);
    const c = clock();
    const notifiers = buildNotifiers({ smtp: { url: smtp.url, from: 'sanjeh@example.test', timeoutMs: 5_000 }, botApi: { baseUrl: bot.baseUrl, token: TOKEN } });
    const deps = alertDeps(c, notifiers, { flap: { windowMs: 30 * MIN, threshold: flapThreshold } });
    for (const [channel, config, locale] of [
      ['webhook', { channel: 'webhook', url: hook.url, secret: SECRET }, 'en'],
      ['email', { channel: 'email', to: ['ops@agency-a.example'] }, 'fa'],
      ['bale', { channel: 'bale', chatId: '4242' }, 'fa'],
    ] as const) {
      const saved = await saveSubscription(t.db, { agencyId: ids.agencyA, locale, config });
      expect(saved, channel).toMatchObject({ ok: true });
    }
    w = { ...ids, t, hook, smtp, bot, c, deps, tick: () => alertTick(t.db, deps) };
    return w;
  }

  it('records each transition once and delivers it once per channel, signed, in the subscriber\'s language', async () => {
    const { t, targetA, hook, smtp, bot, tick } = await world();
    await addAvailabilityEvent(t.db, targetA, 'outage_opened', T0 - 2 * MIN);
    await addAvailabilityEvent(t.db, targetA, 'outage_closed', T0 - MIN);
    await tick();
    await tick(); // a replay records and sends nothing more
    expect((await listAlertEvents(t.db, { limit: 100 })).map((e) => e.kind)).toEqual(['outage_opened', 'outage_closed']);
    const deliveries = await listDeliveries(t.db);
    expect(deliveries).toHaveLength(6);
    expect(deliveries.every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    expect(hook.hits.items.map((h) => [h.body['kind'], h.signatureValid])).toEqual([['outage_opened', true], ['outage_closed', true]]);
    expect(new Set(hook.hits.items.map((h) => h.eventId)).size).toBe(2);
    expect(hook.hits.items[0]!.body['subject']).toBe('DOWN: Agency A');
    expect(smtp.mails.items.map((m) => m.eventId)).toEqual(hook.hits.items.map((h) => h.eventId));
    expect(bot.messages.items.map((m) => m.chatId)).toEqual(['4242', '4242']);
    expect(bot.messages.items[0]!.text).toContain('قطعی: سازمان الف');
    const incidents = await listIncidents(t.db, { limit: 10 });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ kind: 'outage', targetId: targetA });
    expect(incidents[0]!.closedAt).not.toBeNull();
  });

  it('retries with backoff until each receiver accepts, and a failing channel does not hold up the others', async () => {
    const { t, targetA, hook, smtp, bot, c, tick } = await world({ hook: [503, 500, 429], smtpReject: 1, bot: [502] });
    await addAvailabilityEvent(t.db, targetA, 'outage_opened', T0);
    await tick();
    expect((await listDeliveries(t.db)).map((d) => d.status)).toEqual(['pending', 'pending', 'pending']);
    await tick(); // not due yet: backoff, nothing is re-sent
    expect(hook.hits.items).toHaveLength(1);
    for (let i = 0; i < 3; i++) { c.advance(8 * MIN); await tick(); }
    const deliveries = await listDeliveries(t.db);
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([['delivered', 4], ['delivered', 2], ['delivered', 2]]);
    expect(hook.hits.items.map((h) => h.status)).toEqual([503, 500, 429, 200]);
    expect(new Set(hook.hits.items.map((h) => h.eventId)).size).toBe(1); // the same event id every time
    expect(smtp.mails.items).toHaveLength(1);
    expect(bot.messages.items.map((m) => m.status)).toEqual([502, 200]);
  });

  it('does not let a webhook that never answers hold up the other channels', async () => {
    const { t, targetA, agencyA, smtp, bot, tick } = await world();
    const sockets: Socket[] = [];
    const silent = createServer((s) => { sockets.push(s); s.on('error', () => undefined); }).listen(0, '127.0.0.1'); // accepts, never answers
    await once(silent, 'listening');
    try {
      const { port } = silent.address() as { port: number };
      await saveSubscription(t.db, { agencyId: agencyA, locale: 'en', config: { channel: 'webhook', url: `http://127.0.0.1:${port}/`, secret: SECRET } });
      w!.deps.sendTimeoutMs = 500;
      await addAvailabilityEvent(t.db, targetA, 'outage_opened', T0);
      await tick();
      expect(smtp.mails.items).toHaveLength(1);
      expect(bot.messages.items).toHaveLength(1);
      const silentDelivery = (await listDeliveries(t.db)).at(-1)!;
      expect(silentDelivery).toMatchObject({ status: 'pending', attempts: 1 });
      expect(silentDelivery.lastError).toMatch(/network|abort|timeout/i);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('gives up at once on a refusal retrying cannot fix, and after maxAttempts on endless failures', async () => {
    const { t, targetA, bot, hook, c, tick } = await world({ bot: [403], hook: Array(10).fill(500) });
    await addAvailabilityEvent(t.db, targetA, 'outage_opened', T0);
    for (let i = 0; i < 6; i++) { await tick(); c.advance(8 * MIN); }
    const byChannel = await listDeliveries(t.db);
    expect(byChannel.map((d) => [d.status, d.attempts])).toEqual([['failed', 5], ['delivered', 1], ['failed', 1]]);
    expect(bot.messages.items).toHaveLength(1);
    expect(hook.hits.items).toHaveLength(5);
  });

  it('folds flapping into one notice, then one when it settles', async () => {
    const { t, targetA, hook, c, tick } = await world({}, 4);
    const kinds = ['outage_opened', 'outage_closed'];
    for (let i = 0; i < 10; i++) await addAvailabilityEvent(t.db, targetA, kinds[i % 2]!, T0 + i * MIN);
    c.set(T0 + 10 * MIN);
    await tick();
    expect(hook.hits.items.map((h) => h.body['kind'])).toEqual(['outage_opened', 'outage_closed', 'outage_opened', 'flapping_started']);
    const events = await listAlertEvents(t.db, { limit: 100 });
    expect(events.filter((e) => e.kind.startsWith('outage_'))).toHaveLength(10); // every change is still recorded
    expect(events.filter((e) => e.suppressed === 'flapping')).toHaveLength(7);
    c.set(T0 + 9 * MIN + 31 * MIN);
    await tick();
    await tick();
    expect(hook.hits.items.map((h) => h.body['kind']).slice(4)).toEqual(['flapping_ended']);
    expect(hook.hits.items[4]!.body['down']).toBe(false);
  });

  it('sends nothing for transitions inside a maintenance window, and does again after it', async () => {
    const { t, targetA, agencyA, hook, smtp, bot, tick } = await world();
    await openMaintenanceWindow(t.db, { agencyId: agencyA, startsAt: new Date(T0 - 60 * MIN), endsAt: new Date(T0), reason: 'upgrade' });
    await addAvailabilityEvent(t.db, targetA, 'outage_opened', T0 - 30 * MIN);
    await addAvailabilityEvent(t.db, targetA, 'outage_closed', T0 - 20 * MIN);
    await tick();
    expect(hook.hits.items.length + smtp.mails.items.length + bot.messages.items.length).toBe(0);
    expect((await listAlertEvents(t.db, { limit: 10 })).map((e) => e.suppressed)).toEqual(['maintenance', 'maintenance']);
    expect(await listIncidents(t.db, { limit: 10 })).toHaveLength(1); // the outage is still on record
    await addAvailabilityEvent(t.db, targetA, 'outage_opened', T0 + MIN);
    await tick();
    expect(hook.hits.items.map((h) => h.body['kind'])).toEqual(['outage_opened']);
  });

  it('delivers the mass-outage alert once, to operators only', async () => {
    const { t, hook, tick } = await world();
    const ops = await startWebhookReceiver(SECRET);
    try {
      await saveSubscription(t.db, { agencyId: null, locale: 'fa', config: { channel: 'webhook', url: ops.url, secret: SECRET } });
      await addAvailabilityEvent(t.db, null, 'mass_outage', T0, { failedTargets: 120, activeTargets: 158, share: 0.76, bucketS: 60 });
      await tick();
      await tick();
      expect(ops.hits.items).toHaveLength(1);
      expect(ops.hits.items[0]!.body).toMatchObject({ kind: 'mass_outage', subject: 'قطعی گسترده', targets: 120 });
      expect(ops.hits.items[0]!.body['text']).toContain('۱۲۰');
      expect(hook.hits.items).toHaveLength(0); // an agency's subscription does not hear it
    } finally {
      await ops.close();
    }
  });

  it('sends operators every agency\'s transitions, and an agency only its own', async () => {
    const { t, targetB, hook, tick } = await world();
    const ops = await startWebhookReceiver(SECRET);
    try {
      await saveSubscription(t.db, { agencyId: null, locale: 'en', config: { channel: 'webhook', url: ops.url, secret: SECRET } });
      await addAvailabilityEvent(t.db, targetB, 'outage_opened', T0);
      await tick();
      expect(ops.hits.items.map((h) => h.body['subject'])).toEqual(['DOWN: Agency B']);
      expect(hook.hits.items).toHaveLength(0);
    } finally {
      await ops.close();
    }
  });
});
