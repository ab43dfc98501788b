// Webhook channel: POSTs the event as JSON, signed with HMAC-SHA256 of the exact body under the
// subscription's secret. Receivers verify X-Sanjeh-Signature and drop repeats by X-Sanjeh-Event-Id
// (delivery is at least once). 2xx is delivered; 408, 425, 429 and 5xx are retried; other 4xx not.
import { createHmac } from 'node:crypto';
import type { Notifier, SendOutcome } from '../notifier.ts';

export const signatureHeader = 'x-sanjeh-signature';
export const eventIdHeader = 'x-sanjeh-event-id';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const retryableStatus = (s: number) => s === 408 || s === 425 || s === 429 || s >= 500;

export const webhookNotifier: Notifier<'webhook'> = {
  channel: 'webhook',
  async send(cfg, msg, signal): Promise<SendOutcome> {
    const body = JSON.stringify({ ...msg.data, locale: msg.locale, subject: msg.subject, text: msg.text });
    try {
      const res = await fetch(cfg.url, {
        method: 'POST', body, signal, redirect: 'manual',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Sanjeh-Alerts/1',
          [eventIdHeader]: msg.eventId,
          [signatureHeader]: signBody(cfg.secret, body),
        },
      });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) return { ok: true };
      return { ok: false, retryable: retryableStatus(res.status), reason: `http_status ${res.status}` };
    } catch (err) {
      return { ok: false, retryable: true, reason: `network: ${(err as Error).cause ? String((err as Error & { cause: Error }).cause.message) : (err as Error).message}` };
    }
  },
};
