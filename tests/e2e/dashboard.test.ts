// The dashboard in headless Chromium: sign in with a key, watch the overview turn a target "down"
// live, read an agency page in Persian and in English (screenshots in tests/e2e/screenshots/),
// and an agency key that cannot see another agency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStack, type Stack } from './harness.ts';
import { seedOutage, seedScores } from './seed.ts';
import { drainProbeRequests } from '../../services/dashboard/probe-requests.ts';
import type { ProbeJob } from '../../workers/job.ts';

const shots = 'tests/e2e/screenshots';

describe('dashboard in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [stack, browser] = await Promise.all([
      startStack(40, { admin: { role: 'admin' }, operator: { role: 'operator' }, agency: { role: 'agency', agency: 'ag-3' } }),
      launchChromium()]);
  });
  afterAll(async () => { await browser?.close(); await stack?.close(); });

  async function signedIn(key: string, lang: 'fa' | 'en' = 'fa'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: lang === 'fa' ? 'fa-IR' : 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('pageerror', err.message));
    await page.goto(`${stack.url}/dashboard/`);
    if (lang === 'en') await page.click('[data-testid="lang-toggle"]');
    await page.fill('#api-key', key);
    await page.click('#sign-in');
    return page;
  }

  it('refuses a wrong key and signs in with a right one', async () => {
    const page = await signedIn('snj_not-a-real-key-000000');
    await page.waitForSelector('#sign-in-message:has-text("نامعتبر")', { timeout: 15_000 });
    await page.fill('#api-key', stack.keys['admin']!);
    await page.click('#sign-in');
    await page.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
    expect(await page.textContent('#count')).toBe('۴۱ ردیف'); // 40 targets and one agency with no portal, in Persian digits
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.context().close();
  });

  it('updates the overview live when a target goes down, without reloading', async () => {
    const page = await signedIn(stack.keys['admin']!, 'en');
    await page.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
    await page.fill('#search', 'Agency number 9');
    const row = page.locator('.vt-row[data-id="t9"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-state')).toBe('up');
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 42; });
    await seedOutage(stack.t.db, 9, Date.now() - 60_000);
    await page.waitForSelector('.vt-row[data-id="t9"][data-state="down"]', { timeout: 20_000 });
    expect(await row.locator('span').nth(2).textContent()).toBe('Down');
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42); // same document
    await page.selectOption('#state-filter', 'down');
    expect(await page.textContent('#count')).toBe('1 rows');
    await page.fill('#search', '');
    await page.selectOption('#state-filter', '');
    await page.click('button[data-sort="up30"]'); // ascending: the targets with an outage in 30 days first
    expect(await page.locator('.vt-row').first().locator('span').nth(4).textContent()).toMatch(/^99\.\d+%$/);
    await page.screenshot({ path: `${shots}/overview-en.png` });
    await page.context().close();
  });

  it('shows an agency page in Persian and in English, and remembers the language', async () => {
    const page = await signedIn(stack.keys['operator']!);
    await page.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
    await seedScores(stack.t.db, 'ag-2');
    await page.goto(`${stack.url}/dashboard/#/agency/ag-2`);
    await page.waitForSelector('#agency-name', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('main')?.dataset['ready'] === 'true');
    expect(await page.textContent('#agency-name')).toBe('سازمان شماره 2');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('.daybar .cell').count()).toBe(90);
    expect(await page.locator('.grade').first().textContent()).toMatch(/^A- · .*۱۴۰۵/); // Jalali year, Persian digits (grades cycle by target id)
    expect(await page.locator('canvas').count()).toBe(1);
    expect(await page.locator('.scores details').count()).toBe(3); // one per indicator, each with its evidence
    expect(await page.locator('.scores tr').nth(1).textContent()).toContain('دوره آزمون');
    expect(await page.locator('.scores pre').first().textContent()).toContain('"ruleSet": "period-6@1"');
    await page.screenshot({ path: `${shots}/agency-fa.png`, fullPage: true });
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForSelector('#agency-name:has-text("Agency number 2")', { timeout: 15_000 });
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.locator('.grade').first().textContent()).toMatch(/^A- · \d+ \w+ 2026, [\d:]+ UTC$/);
    expect(await page.textContent('body')).toContain('Disable TLS 1.0 and 1.1');
    await page.screenshot({ path: `${shots}/agency-en.png`, fullPage: true });
    await page.reload(); // the key stays for the tab's session, the language in localStorage
    await page.waitForSelector('#agency-name:has-text("Agency number 2")', { timeout: 15_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.context().close();
  });

  it('probes now and shows the progress until the results are stored', async () => {
    const page = await signedIn(stack.keys['operator']!, 'en');
    await page.waitForSelector('main[data-ready="true"]', { timeout: 15_000 });
    await page.goto(`${stack.url}/dashboard/#/agency/ag-5`);
    await page.waitForSelector('#agency-name:has-text("Agency number 5")', { timeout: 15_000 });
    await page.click('button.probe');
    await page.waitForSelector('.probe-status[data-probe="waiting"]', { timeout: 15_000 });
    const jobs: ProbeJob[] = [];
    await drainProbeRequests(stack.t.db, { enqueue: async (j) => { jobs.push(j); }, region: 'local', now: Date.now });
    expect(jobs.map((j) => j.kind)).toEqual(['tls', 'speed']);
    await page.waitForSelector('.probe-status[data-probe="running"]', { timeout: 15_000 });
    // The worker's part, as the TLS and speed processors store it: one row per kind at the job's slot.
    const slot = new Date(jobs[0]!.slotMs);
    await stack.t.db.query(`INSERT INTO tls_scans (target_id, region, slot_at, scanned_at, outcome, grade, duration_ms, evidence)
      VALUES ($1, 'local', $2, now(), 'graded', 'B', 900, '{}')`, [jobs[0]!.targetId, slot]);
    await stack.t.db.query(`INSERT INTO speed_measurements (target_id, region, slot_at, measured_at, outcome, profile, settings_hash, runs_requested, percentage, evidence)
      VALUES ($1, 'local', $2, now(), 'measured', 'gtmetrix-desktop', 'x', 1, 91.4, '{}')`, [jobs[0]!.targetId, slot]);
    await page.waitForSelector('.probe-status[data-probe="done"]', { timeout: 15_000 });
    expect(await page.textContent('.probe-status')).toBe('done · tls: B · speed: 91');
    await page.context().close();
  });

  it('keeps an agency key to its own agency', async () => {
    const page = await signedIn(stack.keys['agency']!);
    await page.waitForSelector('#agency-name', { timeout: 15_000 });
    expect(await page.textContent('#agency-name')).toBe('سازمان شماره 3');
    await page.goto(`${stack.url}/dashboard/#/agency/ag-4`);
    await page.waitForSelector('#error', { timeout: 15_000 });
    expect(await page.textContent('#error')).toBe('یافت نشد');
    expect(await page.locator('#agency-name').count()).toBe(0);
    const status = await page.evaluate(async (key) => (await fetch('/api/v1/dashboard/agencies/ag-4', { headers: { authorization: `Bearer ${key}` } })).status, stack.keys['agency']!);
    expect(status).toBe(404);
    await page.context().close();
  });
});
