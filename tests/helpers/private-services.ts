// Private Postgres and Redis instances for fault tests: each on a spare port, owned by the test,
// so stopping or restarting them cannot disturb any other test. Postgres runs as the `postgres`
// user when the tests run as root (initdb refuses root).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const PG_BIN = '/usr/lib/postgresql/15/bin';

export async function sparePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export type PrivateService = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void>; destroy: () => Promise<void> };

/** redis-server on a spare port, no persistence: a restart loses every queue, as in a real crash. */
export async function privateRedis(): Promise<PrivateService> {
  const port = await sparePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const c = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    child = c;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis-server did not start')), 15_000);
      createInterface({ input: c.stdout! }).on('line', (l) => { if (/Ready to accept connections/.test(l)) { clearTimeout(timer); resolve(); } });
      c.once('exit', (code) => { clearTimeout(timer); reject(new Error(`redis-server exited with ${code}`)); });
    });
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    c.kill('SIGKILL'); // a crash, not a clean shutdown
    await once(c, 'exit');
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop, destroy: stop };
}

function asPostgres(args: string[]): string[] {
  return process.getuid?.() === 0 ? ['/usr/sbin/runuser', '-u', 'postgres', '--', ...args] : args;
}

function run(args: string[]): void {
  const [cmd, ...rest] = asPostgres(args);
  const r = spawnSync(cmd!, rest, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr || r.stdout}`);
}

/** A throw-away Postgres 15 cluster on a spare port (trust auth, socket in its own directory). */
export async function privatePostgres(): Promise<PrivateService> {
  const dir = mkdtempSync(join(tmpdir(), 'sanjeh-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout));
  const data = join(dir, 'data');
  run([`${PG_BIN}/initdb`, '-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await sparePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async () => run([`${PG_BIN}/pg_ctl`, '-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  // -m immediate: the server dies as in a crash; clients see their connections drop.
  const stop = async () => run([`${PG_BIN}/pg_ctl`, '-D', data, '-m', 'immediate', '-w', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, start, stop,
    destroy: async () => { try { await stop(); } catch { /* already stopped */ } rmSync(dir, { recursive: true, force: true }); },
  };
}
