import { loadConfig } from '../../../config/env.ts';
import { openDb } from '../../../db/client.ts';
import { migrate } from '../../../db/migrate.ts';
import type { CliCommand } from '../command.ts';

export const migrateCommand: CliCommand = {
  name: ['migrate'],
  usage: 'migrate',
  summary: 'apply pending database migrations',
  async run() {
    const config = loadConfig();
    const db = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrate(db);
      console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    } finally {
      await db.close();
    }
  },
};
