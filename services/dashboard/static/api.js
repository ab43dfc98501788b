// Calls to /api/v1 with the signed-in key (kept for the browser session only).
const KEY = 'sanjeh.key';
export const getKey = () => sessionStorage.getItem(KEY);
export const setKey = (k) => (k ? sessionStorage.setItem(KEY, k) : sessionStorage.removeItem(KEY));

export class ApiError extends Error {
  constructor(status, detail) { super(detail || `HTTP ${status}`); this.status = status; }
}

export async function api(path, { method = 'GET', body, signal } = {}) {
  const headers = { authorization: `Bearer ${getKey()}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api/v1${path}`, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) throw new ApiError(res.status, data?.detail);
  return data;
}

/** Reads server-sent events with fetch (EventSource cannot send the Authorization header). */
export async function readEvents(path, onEvent, signal) {
  const res = await fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${getKey()}`, accept: 'text/event-stream' }, signal });
  if (!res.ok || !res.body) throw new ApiError(res.status);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) onEvent(event, JSON.parse(data));
    }
  }
}
