// The dashboard's front-end: plain ES modules, CSS and chart.js served as files (no build step).
// The files hold no data; everything shown comes from /api/v1/dashboard with the user's key.
import type { FastifyPluginAsync } from 'fastify';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { problem, sendProblem } from '../../api/problem.ts';

const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml' };
const dir = fileURLToPath(new URL('../static/', import.meta.url));

function loadAssets(): Map<string, { body: Buffer; type: string }> {
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const ext = name.split('.').pop()!;
    if (types[ext]) assets.set(name, { body: readFileSync(dir + name), type: `${types[ext]}; charset=utf-8` });
  }
  // chart.js exports no subpath for its UMD build: find the package, then the file beside it.
  const chart = createRequire(import.meta.url).resolve('chart.js').replace(/dist[\\/][^\\/]+$/, 'dist/chart.umd.js');
  assets.set('chart.umd.js', { body: readFileSync(chart), type: 'text/javascript; charset=utf-8' });
  return assets;
}

export const staticRoutes: FastifyPluginAsync = async (app) => {
  const assets = loadAssets();
  const serve = (name: string) => assets.get(name);
  app.get('/dashboard', { config: { public: true } }, async (_req, reply) => reply.redirect('/dashboard/'));
  app.get<{ Params: { file?: string } }>('/dashboard/:file', { config: { public: true } }, async (req, reply) => {
    const name = req.params.file || 'index.html';
    const a = serve(name) ?? (name.includes('.') ? undefined : serve('index.html'));
    if (!a) return sendProblem(reply, problem(404, `no dashboard file ${name}`));
    return reply.header('cache-control', 'no-cache').header('content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'").type(a.type).send(a.body);
  });
};
