// Db over embedded PGlite (Postgres 17 in WebAssembly), the default with no DATABASE_URL.
// PGlite is single-user: a lock file keeps a second process off the same data directory.
import { mkdirSync } from 'node:fs';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Db } from './client.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

const parsers = { [types.INT8]: (v: string) => Number(v) };

type Queryable = Pick<PGlite | Transaction, 'query'>;

function queryOn(conn: Queryable) {
  return async <R>(sql: string, params?: readonly unknown[]): Promise<R[]> =>
    (await conn.query<R>(sql, params as unknown[] | undefined, { parsers })).rows;
}

function txDb(t: Transaction): Db {
  return { engine: 'pglite', query: queryOn(t), exec: async (sql) => { await t.exec(sql); }, tx: (fn) => fn(txDb(t)), close: async () => {} };
}

export async function openPgliteDb(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(`${dataDir}/pgdata`);
  } catch (err) {
    release();
    throw err;
  }
  return {
    engine: 'pglite',
    query: queryOn(pglite),
    exec: async (sql) => { await pglite.exec(sql); },
    tx: (fn) => pglite.transaction((t) => fn(txDb(t))),
    async close() {
      await pglite.close();
      release();
    },
  };
}
