// Channel settings are validated when a subscription is saved; a bad one is refused with the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { listSubscriptions, saveSubscription } from '../../../db/store/alert-subscriptions.ts';
import { parseChannelConfig } from '../../../services/alerts/channel-config.ts';
import { renderMessage, templates } from '../../../services/alerts/messages.ts';
import { prepareAlertDb, T0 } from './setup.ts';

describe('channel settings', () => {
  it.each([
    [{ channel: 'webhook', url: 'ftp://x/', secret: 'x'.repeat(16) }, /^url: an http/],
    [{ channel: 'webhook', url: 'https://hooks.example/a', secret: 'short' }, /^secret: a secret of at least 16/],
    [{ channel: 'email', to: ['not-an-address'] }, /^to\.0: an e-mail address/],
    [{ channel: 'email', to: [] }, /^to: /],
    [{ channel: 'bale', chatId: 'abc def' }, /^chatId: a numeric chat id/],
    [{ channel: 'sms', to: '+98' }, /channel/],
    [{ channel: 'bale', chatId: '12', extra: 1 }, /extra|Unrecognized/i],
  ])('refuses %j', (input, reason) => {
    const r = parseChannelConfig(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('accepts each channel\'s valid settings', () => {
    for (const c of [{ channel: 'webhook', url: 'https://hooks.example/a', secret: 'x'.repeat(16) },
      { channel: 'email', to: ['ops@agency.example'] }, { channel: 'bale', chatId: '-100123' }, { channel: 'bale', chatId: '@sanjeh_ops' }]) {
      expect(parseChannelConfig(c)).toEqual({ ok: true, config: c });
    }
  });

  describe('saved subscriptions', () => {
    let t: TestDb;
    beforeAll(async () => { t = await pgSchema(); });
    afterAll(async () => { await t.drop(); });
    it('stores a valid one and nothing for an invalid one', async () => {
      const { agencyA } = await prepareAlertDb(t.db);
      expect(await saveSubscription(t.db, { agencyId: agencyA, locale: 'fa', config: { channel: 'email', to: ['x'] } })).toMatchObject({ ok: false });
      const ok = await saveSubscription(t.db, { agencyId: agencyA, locale: 'fa', config: { channel: 'email', to: ['a@b.example'] } });
      expect(ok.ok).toBe(true);
      expect(await listSubscriptions(t.db, agencyA)).toEqual([{ id: ok.ok && ok.id, agencyId: agencyA, locale: 'fa', config: { channel: 'email', to: ['a@b.example'] } }]);
    });
  });
});

describe('messages', () => {
  it('has Persian and English text for every event kind, with Jalali dates and Persian digits in Persian', () => {
    for (const kind of Object.keys(templates) as Array<keyof typeof templates>) {
      const ctx = { eventKey: 'k', kind, at: new Date(T0), targetId: 1, url: 'https://x.example/', agencySlug: 'x', agencyFa: 'سازمان', agencyEn: 'Agency',
        payload: { daysLeft: 7, notAfter: new Date(T0).toISOString(), from: 'A', to: 'B', targets: 12, transitions: 5 } };
      const fa = renderMessage(ctx, 'fa');
      const en = renderMessage(ctx, 'en');
      expect(fa.text, kind).toMatch(/[\u0600-\u06FF]/);
      expect(fa.text, kind).toContain('۱۴۰۵'); // 2026-11-21 is in the Jalali year 1405
      expect(en.text, kind).not.toMatch(/[\u06F0-\u06F9]/); // no Persian digits
      expect(en.text, kind).toContain('2026');
      expect(fa.data).toMatchObject({ eventId: 'k', kind, at: '2026-11-21T06:00:00.000Z' });
    }
  });
});
