// Parses an agency CSV (slug,name_fa,name_en,portal_url; the format of config/agencies.csv) into
// valid rows and rejected rows, each rejection with its line number and reason. Pure: no storage.
import { parse } from 'csv-parse/sync';
import { checkTargetUrl } from './target-url.ts';

export type AgencyRow = { line: number; slug: string; nameFa: string; nameEn: string; portalUrl: string | null };
export type RejectedRow = { line: number; slug?: string; reason: string };
export type AgencyCsv = { rows: AgencyRow[]; rejected: RejectedRow[] };

const columns = ['slug', 'name_fa', 'name_en', 'portal_url'] as const;
export const slugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class AgencyCsvError extends Error {}

type Record = { [K in (typeof columns)[number]]?: string };

function checkRow(rec: Record, line: number): AgencyRow | RejectedRow {
  const slug = rec.slug ?? '';
  if (!slug) return { line, reason: 'missing slug' };
  if (!slugPattern.test(slug)) return { line, slug, reason: `invalid slug "${slug}" (lower-case letters, digits and "-", at most 64)` };
  if (!rec.name_fa) return { line, slug, reason: 'missing name (name_fa)' };
  if (!rec.name_en) return { line, slug, reason: 'missing name (name_en)' };
  if (!rec.portal_url) return { line, slug, nameFa: rec.name_fa, nameEn: rec.name_en, portalUrl: null };
  const url = checkTargetUrl(rec.portal_url);
  if (!url.ok) return { line, slug, reason: url.reason };
  return { line, slug, nameFa: rec.name_fa, nameEn: rec.name_en, portalUrl: url.url };
}

/** csv-parse reports the line a record ends on; people want the line it starts on. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

export function parseAgencyCsv(text: string): AgencyCsv {
  let records: Array<{ record: Record; info: { lines: number }; raw: string }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => {
        const missing = columns.filter((c) => !header.includes(c));
        if (missing.length) throw new AgencyCsvError(`line 1: missing column(s) ${missing.join(', ')}; expected ${columns.join(',')}`);
        return header;
      },
      bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true, raw: true,
    });
  } catch (err) {
    if (err instanceof AgencyCsvError) throw err;
    throw new AgencyCsvError(`not a readable CSV file: ${(err as Error).message}`);
  }
  const out: AgencyCsv = { rows: [], rejected: [] };
  const firstLine = new Map<string, number>();
  for (const { record, info, raw } of records) {
    const row = checkRow(record, startLine(info.lines, raw));
    if (!('nameFa' in row)) { out.rejected.push(row); continue; }
    const first = firstLine.get(row.slug);
    if (first !== undefined) { out.rejected.push({ line: row.line, slug: row.slug, reason: `duplicate slug "${row.slug}" (first at line ${first})` }); continue; }
    firstLine.set(row.slug, row.line);
    out.rows.push(row);
  }
  return out;
}
