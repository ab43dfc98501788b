// `sanjeh agencies import FILE.csv`: imports or updates agencies by slug. Prints each rejected row
// with its line and reason; valid rows are stored either way; exits 1 if any row was rejected.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../../config/env.ts';
import { openDb } from '../../../db/client.ts';
import { migrate } from '../../../db/migrate.ts';
import { DataDirLockedError } from '../../../db/data-dir-lock.ts';
import { AgencyCsvError } from '../../registry/agency-csv.ts';
import { importAgencyCsv } from '../../registry/import-agencies.ts';
import { UsageError, type CliCommand } from '../command.ts';

export const agenciesImportCommand: CliCommand = {
  name: ['agencies', 'import'],
  usage: 'agencies import FILE.csv',
  summary: 'import or update agencies (slug,name_fa,name_en,portal_url)',
  async run(argv) {
    const [file, ...rest] = argv;
    if (!file || rest.length) throw new UsageError('expected exactly one CSV file');
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
    });
    const config = loadConfig();
    let db;
    try {
      db = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
    } catch (err) {
      if (err instanceof DataDirLockedError) { console.error(`sanjeh agencies import: ${err.message}`); return 1; }
      throw err;
    }
    try {
      await migrate(db);
      const report = await importAgencyCsv(db, text);
      for (const r of report.rejected) console.error(`${file}:${r.line}: rejected${r.slug ? ` (${r.slug})` : ''}: ${r.reason}`);
      console.log(`imported: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`);
      return report.rejected.length ? 1 : 0;
    } catch (err) {
      if (err instanceof AgencyCsvError) { console.error(`${file}: ${err.message}`); return 1; }
      throw err;
    } finally {
      await db.close();
    }
  },
};
