// Db over a pg Pool (the local or production Postgres).
import pg from 'pg';
import type { Db } from './client.ts';

// int8 (bigint ids, counts) as JS numbers: ids and second counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

function queryOn(conn: Queryable) {
  return async <R>(sql: string, params?: readonly unknown[]): Promise<R[]> =>
    (await conn.query(sql, params as unknown[] | undefined)).rows as R[];
}

function txDb(client: pg.PoolClient): Db {
  return {
    engine: 'postgres',
    query: queryOn(client),
    exec: async (sql) => { await client.query(sql); },
    tx: (fn) => fn(txDb(client)), // nested: same transaction
    close: async () => {},
  };
}

export function openPgDb(url: string, schema?: string): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its server (Postgres restart) must not crash the process.
  pool.on('error', () => {});
  return {
    engine: 'postgres',
    query: queryOn(pool),
    exec: async (sql) => { await pool.query(sql); },
    async tx(fn) {
      const client = await pool.connect();
      // A checked-out client has no pool listener: without this one, a server restart during
      // the transaction is an unhandled 'error' event that kills the process. A broken client is
      // destroyed on release, never handed out again.
      let broken: Error | undefined;
      const onError = (err: Error) => { broken = err; };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const out = await fn(txDb(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
