// Telegram-compatible bot API channel (Bale, https://tapi.bale.ai, speaks the same API): sendMessage
// to the subscription's chat. The base URL and token are deployment settings, not per subscription.
// 429 and 5xx are retried, other refusals (bad token, unknown chat) are not.
import type { Notifier, SendOutcome } from '../notifier.ts';

export type BotApiSettings = { readonly baseUrl: string; readonly token: string };

type BotReply = { ok?: boolean; description?: string; error_code?: number };

export function baleNotifier(settings: BotApiSettings): Notifier<'bale'> {
  const endpoint = `${settings.baseUrl.replace(/\/+$/, '')}/bot${settings.token}/sendMessage`;
  return {
    channel: 'bale',
    async send(cfg, msg, signal): Promise<SendOutcome> {
      const text = `${msg.subject}\n${msg.text}\n#${msg.eventId.replace(/[^A-Za-z0-9_]/g, '_')}`;
      try {
        const res = await fetch(endpoint, {
          method: 'POST', signal, redirect: 'manual',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ chat_id: cfg.chatId, text }),
        });
        const reply = (await res.json().catch(() => ({}))) as BotReply;
        if (res.ok && reply.ok === true) return { ok: true };
        const retryable = res.status === 429 || res.status >= 500;
        return { ok: false, retryable, reason: `bot_api ${res.status}: ${reply.description ?? 'no description'}` };
      } catch (err) {
        return { ok: false, retryable: true, reason: `network: ${(err as Error).message}` };
      }
    },
  };
}
