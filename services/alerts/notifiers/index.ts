// The channel registry: every Channel must have its notifier here, or this does not compile.
import type { Notifiers } from '../notifier.ts';
import { baleNotifier, type BotApiSettings } from './bale.ts';
import { emailNotifier, type SmtpSettings } from './email.ts';
import { unconfiguredNotifier } from './unconfigured.ts';
import { webhookNotifier } from './webhook.ts';

export type NotifierSettings = { smtp: SmtpSettings | null; botApi: BotApiSettings | null };

export function buildNotifiers(settings: NotifierSettings): Notifiers {
  return {
    webhook: webhookNotifier,
    email: settings.smtp ? emailNotifier(settings.smtp) : unconfiguredNotifier('email', 'ALERT_SMTP_URL'),
    bale: settings.botApi ? baleNotifier(settings.botApi) : unconfiguredNotifier('bale', 'ALERT_BOT_TOKEN'),
  };
}
