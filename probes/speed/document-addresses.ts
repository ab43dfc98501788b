// Egress evidence of a speed run: the addresses Chromium actually connected to for documents
// (the page, its redirect hops and frames), read from Lighthouse's DevTools log. The parent checks
// them against the egress policy after the run, because Chromium resolves names itself.
export type DevtoolsEvent = { method: string; params?: Record<string, unknown> };

/** Remote addresses of every document response (main frame, frames, redirect hops). */
export function documentAddresses(log: readonly DevtoolsEvent[]): string[] {
  const found = new Set<string>();
  for (const { method, params } of log) {
    if (params?.type !== 'Document') continue;
    const response = method === 'Network.responseReceived' ? params.response
      : method === 'Network.requestWillBeSent' ? params.redirectResponse : undefined;
    const ip = (response as { remoteIPAddress?: string } | undefined)?.remoteIPAddress;
    if (ip) found.add(ip.replace(/^\[|\]$/g, ''));
  }
  return [...found];
}


/**
 * The first net::ERR_* of a failed document request. Lighthouse reports some failures (a
 * refused connection shows Chromium's error page) only as CHROME_INTERSTITIAL_ERROR; this
 * keeps the real reason for classify.ts.
 */
export function documentNetError(log: readonly DevtoolsEvent[]): string | null {
  const documents = new Set<unknown>();
  for (const { method, params } of log) {
    if (method === 'Network.requestWillBeSent' && params?.type === 'Document') documents.add(params.requestId);
    if (method === 'Network.loadingFailed' && documents.has(params?.requestId)) {
      const text = params?.errorText;
      if (typeof text === 'string' && text !== 'net::ERR_ABORTED') return text;
    }
  }
  return null;
}
