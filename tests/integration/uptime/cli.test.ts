// `sanjeh probe uptime` end to end: the real entry point in a child process against a fixture.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageFixture } from '../../fixtures/http/page-server.ts';

const main = fileURLToPath(new URL('../../../services/main.ts', import.meta.url));
type Run = { code: number; stdout: string; stderr: string };

function sanjeh(args: string[], allowPrivate = true): Promise<Run> {
  const env = { ...process.env, ALLOW_PRIVATE_TARGETS: allowPrivate ? 'true' : 'false' };
  return new Promise((resolve) => {
    execFile(process.execPath, [main, 'probe', 'uptime', ...args], { env, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let page: PageFixture;
beforeAll(async () => { page = await startPageServer({ body: '<p>سامانه</p>' }); });
afterAll(async () => { await page.close(); });

describe('sanjeh probe uptime', () => {
  it('--json prints the UptimeResult and exits 0 when up', async () => {
    const run = await sanjeh([page.url, '--json', '--keyword', 'سامانه']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'up', status: 200, finalUrl: page.url });
  });

  it('prints a readable summary and exits 1 when down', async () => {
    const run = await sanjeh([page.url, '--keyword-absent', 'سامانه']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DOWN {2}keyword_missing status 200/);
    expect(run.stdout).toContain('timings');
  });

  it('follows ALLOW_PRIVATE_TARGETS: a loopback target is refused when it is false', async () => {
    const run = await sanjeh([page.url, '--json'], false);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'down', error: { class: 'egress_denied' } });
  });

  it.each([[['ftp://example.ir/']], [[]], [['--accept', 'abc', 'http://x.ir/']], [['http://x.ir/', '--bogus']]])(
    'bad arguments %j exit 2 with the usage', async (args) => {
      const run = await sanjeh(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: sanjeh probe uptime URL');
    });
});
