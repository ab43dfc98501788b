// `sanjeh keys create|list|revoke`: API keys from the command line (the first admin key comes
// from here). A new key is printed once; only its sha256 is stored.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config/env.ts';
import { openDb, type Db } from '../../../db/client.ts';
import { migrate } from '../../../db/migrate.ts';
import { DataDirLockedError } from '../../../db/data-dir-lock.ts';
import { listApiKeys, revokeApiKey, roles, type Role } from '../../../db/store/api-keys.ts';
import { appendAudit } from '../../../db/store/audit-log.ts';
import { seedAgenciesIfEmpty } from '../../registry/import-agencies.ts';
import { issueApiKey } from '../../api/auth/issue-key.ts';
import { UsageError, type CliCommand } from '../command.ts';

async function withDb(name: string, fn: (db: Db) => Promise<number>): Promise<number> {
  const config = loadConfig();
  let db: Db;
  try {
    db = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) { console.error(`sanjeh keys ${name}: ${err.message}`); return 1; }
    throw err;
  }
  try {
    await migrate(db);
    await seedAgenciesIfEmpty(db, config.seedAgenciesFile);
    return await fn(db);
  } finally {
    await db.close();
  }
}

function parse(argv: string[], options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>) {
  try { return parseArgs({ args: argv, options, allowPositionals: true }); } catch (err) { throw new UsageError((err as Error).message); }
}

export const keysCreateCommand: CliCommand = {
  name: ['keys', 'create'],
  usage: 'keys create --role admin|operator|assessor|agency [--agency SLUG] [--label TEXT]',
  summary: 'issue an API key (printed once)',
  async run(argv) {
    const { values } = parse(argv, { role: { type: 'string' }, agency: { type: 'string' }, label: { type: 'string' } });
    const role = values['role'] as string | undefined;
    if (!role || !(roles as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
    return withDb('create', async (db) => {
      const out = await issueApiKey(db, { role: role as Role, agency: values['agency'] as string | undefined, label: values['label'] as string | undefined });
      if (!out.ok) { console.error(`sanjeh keys create: --${out.field}: ${out.reason}`); return 1; }
      await appendAudit(db, { keyId: null, action: 'cli keys create', resource: `/api/v1/keys/${out.row.id}`, status: 201, detail: { role: out.row.role } });
      console.log(out.key);
      console.error(`key ${out.row.id} (${out.row.role}${out.row.agencySlug ? `, ${out.row.agencySlug}` : ''}) created; it is shown only this once`);
      return 0;
    });
  },
};

export const keysListCommand: CliCommand = {
  name: ['keys', 'list'],
  usage: 'keys list',
  summary: 'list API keys (prefix, role, agency, last use, revoked)',
  async run(argv) {
    if (argv.length) throw new UsageError('keys list takes no arguments');
    return withDb('list', async (db) => {
      for (const k of await listApiKeys(db)) {
        console.log([k.id, k.prefix, k.role, k.agencySlug ?? '-', k.lastUsedAt?.toISOString() ?? 'never used', k.revokedAt ? 'revoked' : 'live'].join('\t'));
      }
      return 0;
    });
  },
};

export const keysRevokeCommand: CliCommand = {
  name: ['keys', 'revoke'],
  usage: 'keys revoke ID',
  summary: 'revoke an API key',
  async run(argv) {
    const [id, ...rest] = argv;
    if (!id || !/^\d+$/.test(id) || rest.length) throw new UsageError('expected one key id');
    return withDb('revoke', async (db) => {
      if (await revokeApiKey(db, Number(id))) {
        await appendAudit(db, { keyId: null, action: 'cli keys revoke', resource: `/api/v1/keys/${id}`, status: 200 });
        console.log(`key ${id} revoked`);
        return 0;
      }
      console.error(`sanjeh keys revoke: no live key ${id}`);
      return 1;
    });
  },
};
