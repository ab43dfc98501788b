// E-mail channel over SMTP (nodemailer). The Message-ID is derived from the event id, so mail
// clients and the X-Sanjeh-Event-Id header both let a repeat be recognised. SMTP 4xx replies and
// connection failures are retried; 5xx replies (mailbox refused, relay denied) are not.
import nodemailer from 'nodemailer';
import type { Notifier, SendOutcome } from '../notifier.ts';

export type SmtpSettings = { readonly url: string; readonly from: string; readonly timeoutMs?: number };

export function emailNotifier(settings: SmtpSettings): Notifier<'email'> {
  const timeout = settings.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport(settings.url, {
    connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout,
  } as Record<string, unknown>);
  return {
    channel: 'email',
    async send(cfg, msg, signal): Promise<SendOutcome> {
      if (signal.aborted) return { ok: false, retryable: true, reason: 'aborted' };
      try {
        await transport.sendMail({
          from: settings.from, to: [...cfg.to], subject: msg.subject, text: msg.text,
          messageId: `<${msg.eventId.replace(/[^A-Za-z0-9._-]/g, '_')}@sanjeh.alerts>`,
          headers: { 'X-Sanjeh-Event-Id': msg.eventId, 'Content-Language': msg.locale },
        });
        return { ok: true };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        const retryable = code === undefined || code < 500;
        return { ok: false, retryable, reason: `smtp ${code ?? (err as { code?: string }).code ?? 'error'}: ${(err as Error).message}` };
      }
    },
  };
}
