// `sanjeh probe tls URL --json --ca FILE` against a node:https server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeTlsCommand } from '../../../services/cli/commands/probe-tls.ts';
import { UsageError } from '../../../services/cli/command.ts';
import { issue } from '../../fixtures/tls/pki.ts';
import { startHttpServer, startHttpsServer, type Fixture } from '../../fixtures/tls/https-server.ts';

const host = 'cli.sanjeh.test';
let dir: string;
let server: Fixture;

beforeAll(async () => {
  const root = issue({ cn: 'Sanjeh CLI Root', isCa: true });
  const leaf = issue({ cn: host, sans: [host], issuer: root });
  dir = mkdtempSync(join(tmpdir(), 'sanjeh-cli-tls-'));
  writeFileSync(join(dir, 'ca.pem'), root.certPem);
  server = await startHttpsServer({ key: leaf.keyPem, cert: leaf.certPem }, 'max-age=31536000');
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { lines.push(a.join(' ')); });
  try {
    return { code: await probeTlsCommand.run(argv), out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('sanjeh probe tls', () => {
  it('grades a host trusted through --ca and prints JSON evidence', async () => {
    const { code, out } = await run([server.url, '--json', '--ca', join(dir, 'ca.pem'), '--servername', host]);
    const result = JSON.parse(out);
    expect(code).toBe(0);
    expect(result).toMatchObject({ outcome: 'graded', grade: 'A+', facts: { cert: { trusted: true } } });
  });

  it('without --ca the private CA is untrusted: T, with the findings in the text report', async () => {
    const { code, out } = await run([server.url, '--servername', host]);
    expect(code).toBe(0);
    expect(out).toMatch(/^GRADE T {3}\(if trust issues are ignored: A\+\)/);
    expect(out).toContain('trust-untrusted-chain');
  });

  it('ends a refused connection with a classified error and exit code 1', async () => {
    const closed = await startHttpServer({});
    await closed.close();
    const { code, out } = await run([`https://127.0.0.1:${closed.port}/`]);
    expect(code).toBe(1);
    expect(out).toMatch(/^NO HTTPS .* connection_refused/);
  });

  it('rejects bad arguments with a usage error', async () => {
    await expect(probeTlsCommand.run([])).rejects.toBeInstanceOf(UsageError);
    await expect(probeTlsCommand.run([server.url, '--connections', '0'])).rejects.toBeInstanceOf(UsageError);
    await expect(probeTlsCommand.run([server.url, '--ca', join(dir, 'missing.pem')])).rejects.toBeInstanceOf(UsageError);
  });
});
