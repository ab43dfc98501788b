// The Notifier contract, run on every channel against its local receiver: accepted → ok; a busy
// receiver → retryable; a refusal retrying cannot fix → not retryable; nobody listening → retryable;
// never a throw. Plus what each channel puts on the wire (signature, event id, chat, headers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { once } from 'node:events';
import type { AlertMessage, ChannelConfig, SendOutcome } from '../../../services/alerts/notifier.ts';

// The cases hold notifiers of different channels side by side; each is given its own channel's config.
type Sendable = { send(cfg: ChannelConfig, msg: AlertMessage, signal: AbortSignal): Promise<SendOutcome> };
import { webhookNotifier, signBody } from '../../../services/alerts/notifiers/webhook.ts';
import { emailNotifier } from '../../../services/alerts/notifiers/email.ts';
import { baleNotifier } from '../../../services/alerts/notifiers/bale.ts';
import { buildNotifiers } from '../../../services/alerts/notifiers/index.ts';
import { startWebhookReceiver } from '../../fixtures/receivers/webhook-receiver.ts';
import { startSmtpReceiver } from '../../fixtures/receivers/smtp-receiver.ts';
import { startBotApiReceiver } from '../../fixtures/receivers/bot-api-receiver.ts';

const SECRET = 'contract-secret-0123456';
const TOKEN = '42:contract';
const msg: AlertMessage = { eventId: 'availability-7', kind: 'outage_opened', locale: 'fa', subject: 'قطعی: سازمان', text: 'متن', data: { eventId: 'availability-7', kind: 'outage_opened' } };
const signal = () => AbortSignal.timeout(10_000);

async function closedPort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as { port: number };
  s.close();
  await once(s, 'close');
  return port;
}

type Case = { name: string; start: (plan: number[]) => Promise<{ notifier: Sendable; cfg: ChannelConfig; close: () => Promise<void>; received: () => number }>;
  busy: number; refused: number; dead: (port: number) => { notifier: Sendable; cfg: ChannelConfig } };

const cases: Case[] = [
  { name: 'webhook', busy: 503, refused: 410,
    start: async (plan) => { const r = await startWebhookReceiver(SECRET, plan); return { notifier: webhookNotifier as unknown as Sendable, cfg: { channel: 'webhook', url: r.url, secret: SECRET }, close: r.close, received: () => r.hits.items.length }; },
    dead: (port) => ({ notifier: webhookNotifier as unknown as Sendable, cfg: { channel: 'webhook', url: `http://127.0.0.1:${port}/`, secret: SECRET } }) },
  { name: 'email', busy: 451, refused: 550,
    start: async (plan) => { const r = await startSmtpReceiver(plan.filter((s) => s === 451).length, plan.includes(550)); return { notifier: emailNotifier({ url: r.url, from: 'a@b.example', timeoutMs: 5_000 }) as unknown as Sendable, cfg: { channel: 'email', to: ['ops@x.example'] }, close: r.close, received: () => r.mails.items.length }; },
    dead: (port) => ({ notifier: emailNotifier({ url: `smtp://127.0.0.1:${port}`, from: 'a@b.example', timeoutMs: 5_000 }) as unknown as Sendable, cfg: { channel: 'email', to: ['ops@x.example'] } }) },
  { name: 'bale', busy: 429, refused: 403,
    start: async (plan) => { const r = await startBotApiReceiver(TOKEN, plan); return { notifier: baleNotifier({ baseUrl: r.baseUrl, token: TOKEN }) as unknown as Sendable, cfg: { channel: 'bale', chatId: '99' }, close: r.close, received: () => r.messages.items.length }; },
    dead: (port) => ({ notifier: baleNotifier({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN }) as unknown as Sendable, cfg: { channel: 'bale', chatId: '99' } }) },
];

describe.each(cases)('notifier contract: $name', (c) => {
  it('is ok when accepted, retryable when busy', async () => {
    const r = await c.start([c.busy]);
    try {
      expect(await r.notifier.send(r.cfg, msg, signal())).toMatchObject({ ok: false, retryable: true });
      expect(await r.notifier.send(r.cfg, msg, signal())).toEqual({ ok: true });
    } finally { await r.close(); }
  });

  it('is not retryable when refused for good', async () => {
    const r = await c.start([c.refused]);
    try {
      expect(await r.notifier.send(r.cfg, msg, signal())).toMatchObject({ ok: false, retryable: false });
      expect(r.received()).toBe(c.name === 'email' ? 0 : 1); // a refused recipient leaves no mail
    } finally { await r.close(); }
  });

  it('is retryable, not a throw, when nobody listens', async () => {
    const d = c.dead(await closedPort());
    expect(await d.notifier.send(d.cfg, msg, signal())).toMatchObject({ ok: false, retryable: true });
  });
});

describe('what goes on the wire', () => {
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => { hook = await startWebhookReceiver(SECRET); });
  afterAll(async () => { await hook.close(); });

  it('webhook: JSON signed over the exact body, with the event id header', async () => {
    await webhookNotifier.send({ channel: 'webhook', url: hook.url, secret: SECRET }, msg, signal());
    expect(hook.hits.items[0]).toMatchObject({ eventId: 'availability-7', signatureValid: true });
    expect(signBody('key', 'The quick brown fox jumps over the lazy dog')) // RFC 2104 / Wikipedia HMAC-SHA256 example
      .toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    const wrong = await webhookNotifier.send({ channel: 'webhook', url: hook.url, secret: 'another-secret-000000' }, msg, signal());
    expect(wrong).toMatchObject({ ok: false, retryable: false, reason: 'http_status 401' });
  });

  it('email: the event id as a header and in the Message-ID; bale: chat and text', async () => {
    const smtp = await startSmtpReceiver();
    const bot = await startBotApiReceiver(TOKEN);
    try {
      const n = buildNotifiers({ smtp: { url: smtp.url, from: 'sanjeh@x.example' }, botApi: { baseUrl: bot.baseUrl, token: TOKEN } });
      expect(await n.email.send({ channel: 'email', to: ['a@x.example'] }, msg, signal())).toEqual({ ok: true });
      expect(smtp.mails.items[0]).toMatchObject({ eventId: 'availability-7', to: ['a@x.example'] });
      expect(smtp.mails.items[0]!.raw).toMatch(/^Message-ID: <availability-7@sanjeh\.alerts>/im);
      expect(await n.bale.send({ channel: 'bale', chatId: '-1001' }, msg, signal())).toEqual({ ok: true });
      expect(bot.messages.items[0]).toMatchObject({ chatId: '-1001' });
      expect(bot.messages.items[0]!.text).toBe('قطعی: سازمان\nمتن\n#availability_7');
    } finally { await smtp.close(); await bot.close(); }
  });

  it('an unconfigured channel fails for good with the setting to add', async () => {
    const n = buildNotifiers({ smtp: null, botApi: null });
    expect(await n.email.send({ channel: 'email', to: ['a@x.example'] }, msg, signal())).toEqual({ ok: false, retryable: false, reason: 'email is not configured: set ALERT_SMTP_URL' });
    expect((await n.bale.send({ channel: 'bale', chatId: '1' }, msg, signal())).ok).toBe(false);
  });
});
