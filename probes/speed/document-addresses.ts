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

