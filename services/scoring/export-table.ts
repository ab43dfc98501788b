// A period's scores as a table (one row per agency) and its CSV and XLSX forms. The CSV is UTF-8
// with a BOM so Excel shows the Persian names; the XLSX is written by write-excel-file.
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { AgencyReport } from './period-report.ts';

export const exportHeader = [
  'rank', 'slug', 'name_fa', 'name_en', 'uptime_pct', 'uptime_unobserved_s', 'uptime_score',
  'speed_pct', 'speed_score', 'tls_grade', 'tls_score', 'total', 'band_fa', 'band_en',
] as const;

export type Cell = string | number | null;

export function exportRows(report: readonly AgencyReport[]): Cell[][] {
  return report.map((r) => {
    const u = r.indicators['uptime'], s = r.indicators['speed'], t = r.indicators['tls'];
    const raw = (x: typeof u, k: string) => (x?.raw[k] as Cell | undefined) ?? null;
    return [r.rank, r.agency.slug, r.agency.nameFa, r.agency.nameEn, raw(u, 'uptimePct'), raw(u, 'unobservedS'), u?.score ?? null,
      raw(s, 'percentage'), s?.score ?? null, raw(t, 'grade'), t?.score ?? null, r.total, r.band.fa, r.band.en];
  });
}

function csvField(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  // Quote what needs it; a leading =, +, - or @ would be a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly Cell[][]): string {
  return '\uFEFF' + [exportHeader as readonly Cell[], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export async function toXlsx(rows: readonly Cell[][], sheet: string): Promise<Buffer> {
  const data: SheetData = [exportHeader.map((h) => ({ value: h, fontWeight: 'bold' as const })), ...rows.map((r) => r.map((v) => (v === null ? null : { value: v })))];
  return writeXlsxFile(data, { sheet: sheet.slice(0, 31), rightToLeft: false }).toBuffer();
}
