// Validation of a target URL as entered by people (CSV rows, the API): parsed once, here.
export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkTargetUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `malformed URL ${JSON.stringify(raw)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `unsupported scheme "${url.protocol.replace(':', '')}" (only http and https)` };
  }
  if (!url.hostname) return { ok: false, reason: `malformed URL ${JSON.stringify(raw)}: no host` };
  if (url.username || url.password) return { ok: false, reason: 'URLs with credentials are not accepted' };
  return { ok: true, url: url.href };
}
