// The only seam between Postgres (pg) and embedded PGlite: every query above it is written once.
export interface Db {
  readonly engine: 'postgres' | 'pglite';
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection; a throw rolls it back. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DbConfig = {
  /** postgres:// URL; unset means embedded PGlite in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  /** Postgres only: a schema to work in (tests use one schema per test file). */
  schema?: string;
};

export async function openDb(cfg: DbConfig): Promise<Db> {
  if (cfg.url) {
    const { openPgDb } = await import('./client-pg.ts');
    return openPgDb(cfg.url, cfg.schema);
  }
  const { openPgliteDb } = await import('./client-pglite.ts');
  return openPgliteDb(cfg.dataDir);
}
