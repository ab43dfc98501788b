// A channel whose deployment settings are missing (no SMTP URL, no bot token): every send fails
// for good with a reason an operator can act on, and the other channels carry on.
import type { Channel, Notifier } from '../notifier.ts';

export function unconfiguredNotifier<K extends Channel>(channel: K, missing: string): Notifier<K> {
  return { channel, send: async () => ({ ok: false, retryable: false, reason: `${channel} is not configured: set ${missing}` }) };
}
