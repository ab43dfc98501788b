import { describe, expect, it } from 'vitest';
import { exportHeader, toCsv, toXlsx } from '../../../services/scoring/export-table.ts';
import { readSheet } from 'read-excel-file/node';

describe('score exports', () => {
  const rows = [
    [1, 'central-bank', 'بانک مرکزی', 'Central Bank, of Iran', 99.5, 0, 1, 91, 1, 'A', 0.5, 2.5, 'عالی', 'excellent'],
    [2, 'x', '=HYPERLINK("http://evil")', 'He said "hi"', null, 86_400, 0.5, null, 0, 'no_https', 0, 0.5, 'ضعیف', 'weak'],
  ];

  it('writes CSV with a BOM, CRLF lines, quoting, and no spreadsheet formulas', () => {
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFFrank,slug,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('1,central-bank,بانک مرکزی,"Central Bank, of Iran",99.5,0,1,91,1,A,0.5,2.5,عالی,excellent');
    expect(lines[2]).toBe(`2,x,"'=HYPERLINK(""http://evil"")","He said ""hi""",,86400,0.5,,0,no_https,0,0.5,ضعیف,weak`);
  });

  it('writes an XLSX that reads back cell for cell', async () => {
    const sheet = await readSheet(await toXlsx(rows, 'period-13'));
    expect(sheet[0]).toEqual([...exportHeader]);
    expect(sheet.slice(1)).toEqual(rows);
  });
});
