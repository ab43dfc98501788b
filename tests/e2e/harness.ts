// The e2e set-up: a seeded database, the real API (with the dashboard) listening on 127.0.0.1:0,
// API keys of each role, and headless Chromium driven by playwright-core.
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../services/api/app.ts';
import { migrate } from '../../db/migrate.ts';
import { issueApiKey, type IssueRequest } from '../../services/api/auth/issue-key.ts';
import { pgSchema, type TestDb } from '../helpers/databases.ts';
import { silentLogger } from '../helpers/logger.ts';
import { seedDashboard } from './seed.ts';

export const chromiumArgs = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs, headless: true });
}

export type Stack = { t: TestDb; app: FastifyInstance; url: string; keys: Record<string, string>; close(): Promise<void> };

export async function startStack(targets: number, keyRequests: Record<string, IssueRequest>, pollMs = 200, seed: { days?: number; hours?: number } = {}): Promise<Stack> {
  const t = await pgSchema();
  await migrate(t.db);
  await seedDashboard(t.db, targets, Date.now(), seed);
  const keys: Record<string, string> = {};
  for (const [name, req] of Object.entries(keyRequests)) {
    const r = await issueApiKey(t.db, req);
    if (!r.ok) throw new Error(r.reason);
    keys[name] = r.key;
  }
  const app = await buildApp({ db: t.db, logger: silentLogger, readiness: [], rateLimitPerMinute: 100_000, dashboard: { pollMs } });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { t, app, url, keys, close: async () => { await app.close(); await t.drop(); } };
}
