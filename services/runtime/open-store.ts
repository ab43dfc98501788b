// Opens the configured database (Postgres or embedded PGlite), applies pending migrations and,
// on first start, loads the agency seed list.
import type { Logger } from 'pino';
import type { Config } from '../../config/env.ts';
import { openDb, type Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { seedAgenciesIfEmpty } from '../registry/import-agencies.ts';

export async function openStore(config: Config, logger: Logger, opts: { seed: boolean } = { seed: true }): Promise<Db> {
  const db = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db);
    if (applied.length) logger.info({ applied, engine: db.engine }, 'migrations applied');
    if (opts.seed) {
      const seeded = await seedAgenciesIfEmpty(db, config.seedAgenciesFile);
      if (seeded) logger.info({ inserted: seeded.inserted, rejected: seeded.rejected.length }, 'agency seed list loaded');
    }
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}
