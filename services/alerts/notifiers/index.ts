// The channel registry: every Channel must have its notifier here, or this does not compile.
import type { Notifiers } from '../notifier.ts';
import { baleNotifier, type BotApiSettings } from './bale.ts';
import { emailNotifier, type SmtpSettings } from './email.ts';
import { webhookNotifier } from './webhook.ts';

export type NotifierSettings = { smtp: SmtpSettings; botApi: BotApiSettings };

export function buildNotifiers(settings: NotifierSettings): Notifiers {
  return {
    webhook: webhookNotifier,
    email: emailNotifier(settings.smtp),
    bale: baleNotifier(settings.botApi),
  };
}
