// The notifier interface (style guide §2, P3/P4): one module per channel under notifiers/, one typed
// registry, so a channel missing from it does not compile. A notifier never throws for what the
// receiver did: a refusal, a 5xx or a dead socket is a SendOutcome saying whether to retry.
export type ChannelConfig =
  | { channel: 'webhook'; url: string; secret: string }
  | { channel: 'email'; to: readonly string[] }
  | { channel: 'bale'; chatId: string };
export type Channel = ChannelConfig['channel'];
export const channels = ['webhook', 'email', 'bale'] as const satisfies readonly Channel[];

export type SendOutcome = { ok: true } | { ok: false; retryable: boolean; reason: string };

export type Locale = 'fa' | 'en';

/** What a channel sends: text for people, data for machines, and the id receivers dedupe on. */
export type AlertMessage = {
  /** Stable per transition (alert_events.event_key): the same on every retry and every channel. */
  readonly eventId: string;
  readonly kind: string;
  readonly locale: Locale;
  readonly subject: string;
  readonly text: string;
  readonly data: Readonly<Record<string, unknown>>;
};

export interface Notifier<K extends Channel> {
  readonly channel: K;
  /** cfg was validated when the subscription was saved; send() trusts it. */
  send(cfg: Extract<ChannelConfig, { channel: K }>, msg: AlertMessage, signal: AbortSignal): Promise<SendOutcome>;
}

export type Notifiers = { readonly [K in Channel]: Notifier<K> };
