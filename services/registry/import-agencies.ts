// Imports an agency CSV into the store: valid rows are upserted by slug, rejected rows reported.
import { readFile } from 'node:fs/promises';
import type { Db } from '../../db/client.ts';
import { countAgencies, upsertAgencies, type UpsertSummary } from '../../db/store/agencies.ts';
import { parseAgencyCsv, type RejectedRow } from './agency-csv.ts';

export type ImportReport = UpsertSummary & { rejected: RejectedRow[] };

export async function importAgencyCsv(db: Db, text: string): Promise<ImportReport> {
  const { rows, rejected } = parseAgencyCsv(text);
  const summary = await upsertAgencies(db, rows);
  return { ...summary, rejected };
}

/** Loads the seed list on first start (an empty registry); later starts leave the registry alone. */
export async function seedAgenciesIfEmpty(db: Db, file: string): Promise<ImportReport | null> {
  if ((await countAgencies(db)) > 0) return null;
  return importAgencyCsv(db, await readFile(file, 'utf8'));
}
