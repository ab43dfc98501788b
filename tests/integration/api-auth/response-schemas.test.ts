// Every JSON route declares the schema of its success response (issue 7), read off Fastify's own
// route table: a new JSON route without one fails here. The routes that answer something else
// (an event stream, HTML, SVG, static files, the OpenAPI UI) are listed by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, type ApiFixture } from './api-fixture.ts';

const notJson = new Set([
  'GET /api/v1/dashboard/stream', // text/event-stream
  'GET /status/:slug', // HTML
  'GET /badges/:slug/:badge', // SVG
  'GET /dashboard', 'GET /dashboard/:file', // redirect, static files
  'GET /docs', 'GET /docs/static/index.html', 'GET /docs/static/swagger-initializer.js', 'GET /docs/static/*', 'GET /docs/yaml',
  'GET /docs/json', // the OpenAPI document itself
]);

describe('response schemas', () => {
  let f: ApiFixture;
  beforeAll(async () => { f = await apiFixture(); });
  afterAll(async () => { await f.close(); });

  it('every JSON route declares its success response', () => {
    const missing = f.app.routeTable
      .filter((r) => !notJson.has(`${r.method} ${r.url}`) && !r.responses.some((code) => /^2/.test(code)))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('the list of non-JSON routes names only routes that exist', () => {
    const routes = new Set(f.app.routeTable.map((r) => `${r.method} ${r.url}`));
    expect([...notJson].filter((r) => !routes.has(r))).toEqual([]);
  });
});
