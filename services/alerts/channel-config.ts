// Subscription channel settings, validated once when a subscription is saved (P8): send() trusts them.
import { z } from 'zod';
import type { ChannelConfig } from './notifier.ts';

const httpUrl = z.string().trim().max(2048).refine((v) => {
  try { return ['http:', 'https:'].includes(new URL(v).protocol); } catch { return false; }
}, { error: 'an http:// or https:// URL' });

const schema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('webhook'), url: httpUrl, secret: z.string().min(16, { error: 'a secret of at least 16 characters' }).max(256) }).strict(),
  z.object({ channel: z.literal('email'), to: z.array(z.email({ error: 'an e-mail address' })).min(1).max(20) }).strict(),
  z.object({ channel: z.literal('bale'), chatId: z.string().trim().regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{4,64})$/, { error: 'a numeric chat id or @channel' }) }).strict(),
], { error: 'channel must be webhook, email or bale' });

export type ParsedChannel = { ok: true; config: ChannelConfig } | { ok: false; reason: string };

export function parseChannelConfig(input: unknown): ParsedChannel {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, config: r.data };
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.') || 'channel';
  return { ok: false, reason: `${field}: ${issue.message}` };
}
