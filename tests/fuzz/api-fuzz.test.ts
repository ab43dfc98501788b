// Thousands of malformed requests against every route of the route table (bad JSON, wrong types,
// huge bodies, unicode tricks, SQL fragments in every field, parameter and query value): never a
// 5xx, never a successful write, and a digest of every table is the same before and after.
// Then SQL fragments and unicode in free-text fields of valid writes are stored verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { period6 } from '../../config/rulesets/period-6.ts';
import type { Role } from '../../db/store/api-keys.ts';
import type { Db } from '../../db/client.ts';
import { apiFixture, type ApiFixture } from '../integration/api-auth/api-fixture.ts';
import { badContentTypes, badJsonBodies, paramValues, queryValues, sqlFragments, unicodeTricks, wrongTypes, wrongTypesForText } from './fuzz-corpus.ts';

/** Valid bodies of the write routes, and which of their fields hold free text (any string is valid there). */
const templates: Record<string, { body: Record<string, unknown>; freeText: string[] }> = {
  'POST /api/v1/keys': { body: { role: 'assessor', label: 'fuzz' }, freeText: ['label'] },
  'POST /api/v1/rule-sets': { body: { ...period6, id: 'fuzz', version: 7 }, freeText: ['source'] },
  'POST /api/v1/periods': { body: { slug: 'fuzz', nameFa: 'آزمون', nameEn: 'fuzz', calendar: 'jalali', firstDay: '1403-07-01', lastDay: '1403-12-30' }, freeText: ['nameFa', 'nameEn'] },
  'POST /api/v1/agencies/:slug/targets': { body: { url: 'https://fuzz.example/', kind: 'service', name: 'fuzz' }, freeText: ['name', 'url'] },
  'POST /api/v1/agencies': { body: { slug: 'central-bank', nameFa: 'آزمون', nameEn: 'fuzz', portalUrl: 'https://fuzz.example/' }, freeText: ['nameFa', 'nameEn', 'portalUrl'] },
  'PATCH /api/v1/agencies/:slug': { body: { nameFa: 'آزمون', nameEn: 'fuzz', portalUrl: 'https://fuzz.example/' }, freeText: ['nameFa', 'nameEn', 'portalUrl'] },
  'PATCH /api/v1/targets/:id': { body: { name: 'fuzz', paused: true }, freeText: ['name'] },
  'POST /api/v1/dashboard/maintenance': { body: { targetId: 999_999, agency: 'central-bank', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-02T00:00:00Z', reason: 'fuzz' }, freeText: ['reason'] },
};

/** A digest of every table of the schema (last use of keys aside: reading with a key records it). */
async function digest(db: Db): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ d: string }>(`SELECT md5(coalesce(string_agg(j, '|' ORDER BY j), '')) AS d
      FROM (SELECT (to_jsonb(t) - 'last_used_at')::text AS j FROM "${name}" t) x`);
    out[name] = row!.d;
  }
  return out;
}

/** Percent-encodes; a lone surrogate (not encodable) becomes the invalid UTF-8 it would be. */
function enc(v: string): string {
  try { return encodeURIComponent(v); } catch { return '%ED%A0%80' + encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '')); }
}

function withParams(url: string, value: string): string[] {
  const names = [...url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]!);
  return names.map((victim) => url.replace(/:([a-zA-Z]+)/g, (_, n: string) => (n === victim ? enc(value) : validParam(n))).replace('*', 'x'));
}

function validParam(name: string): string {
  return ({ slug: 'central-bank', agency: 'central-bank', period: 'p-closed', id: '999999', version: '1', kind: 'tls', badge: 'uptime.svg', file: 'index.html' } as Record<string, string>)[name] ?? 'x';
}

function* requestsFor(method: string, url: string, query: readonly string[]): Generator<InjectOptions> {
  const concrete = url.replace(/:([a-zA-Z]+)/g, (_, n: string) => validParam(n)).replace('*', 'x');
  for (const v of paramValues) for (const u of withParams(url, v)) yield { method: method as 'GET', url: u };
  if (method === 'GET') {
    for (const v of queryValues) {
      for (const k of [...query, 'unknown']) yield { method: 'GET', url: `${concrete}?${k}=${enc(v)}` };
    }
    return;
  }
  const t = templates[`${method} ${url}`];
  // A route that takes no body ignores one: aim those at a missing period so nothing can happen.
  const target = t ? concrete : concrete.replace('/p-closed', '/no-such-period');
  for (const raw of badJsonBodies) yield { method: method as 'POST', url: target, headers: { 'content-type': 'application/json' }, payload: raw };
  for (const [type, raw] of badContentTypes) yield { method: method as 'POST', url: target, headers: { 'content-type': type }, payload: raw };
  yield { method: method as 'POST', url: target, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ pad: 'x'.repeat(2_000_000) }) };
  if (!t) return;
  for (const field of Object.keys(t.body)) {
    const values = t.freeText.includes(field) ? wrongTypesForText : [...wrongTypes, ...sqlFragments, ...unicodeTricks];
    for (const v of values) yield { method: method as 'POST', url: concrete, payload: { ...t.body, [field]: v } as Record<string, unknown> };
  }
  yield { method: method as 'POST', url: concrete, payload: { ...t.body, [sqlFragments[1]!]: 1 } };
}

describe('API fuzz', () => {
  let f: ApiFixture;
  beforeAll(async () => { f = await apiFixture(); });
  afterAll(async () => { await f.close(); });

  it('thousands of malformed requests: no 5xx, no successful write, nothing stored changed', { timeout: 600_000 }, async () => {
    const before = await digest(f.t.db);
    const roles: Role[] = ['admin', 'admin', 'operator', 'agency'];
    let sent = 0;
    const failures: string[] = [];
    for (const route of f.app.routeTable) {
      if (route.url.endsWith('/stream')) continue; // an endless event stream: its parameters are none
      let i = 0;
      for (const req of requestsFor(route.method, route.url, route.query)) {
        const res = await f.as(roles[i++ % roles.length]!, req);
        sent++;
        const label = `${req.method} ${String(req.url).slice(0, 120)} ${String(req.payload ?? '').slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 160)}`;
        if (res.statusCode >= 500) failures.push(label);
        // Routes that take a body must refuse all of these; the others may ignore a body (the digest shows no change).
        if (templates[`${route.method} ${route.url}`] && res.statusCode < 400) failures.push(`write succeeded: ${label}`);
      }
    }
    for (const auth of [`Bearer ${sqlFragments[0]}`, 'Bearer ' + 'x'.repeat(5000), `Bearer ${f.keys.admin}\u0000`, 'Bearer', '\u202eBearer x']) {
      const res = await f.app.inject({ url: '/api/v1/me', headers: { authorization: auth } });
      sent++;
      if (res.statusCode !== 401) failures.push(`authorization ${JSON.stringify(auth.slice(0, 40))} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(3_000);
    const after = await digest(f.t.db);
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual([]);
  });

  it('stores SQL fragments and unicode in free-text fields verbatim', async () => {
    const texts = [...sqlFragments, ...unicodeTricks.filter((u) => !u.includes('\u0000') && !/[\ud800-\udfff]/.test(u.replace(/\p{Extended_Pictographic}/gu, '')))];
    for (const [i, text] of texts.entries()) {
      const res = await f.as('operator', { method: 'POST', url: `/api/v1/agencies/${f.own.slug}/targets`, payload: { url: `https://verbatim.example/${i}`, name: text.slice(0, 200) } });
      expect(res.statusCode, text).toBe(201);
      const [row] = await f.t.db.query<{ name: string }>('SELECT name FROM targets WHERE id = $1', [res.json().id]);
      expect(row!.name).toBe(text.slice(0, 200));
    }
    expect((await f.t.db.query('SELECT count(*)::int AS n FROM agencies'))[0]).toEqual({ n: 158 });
  });
});
