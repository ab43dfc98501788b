import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AgencyCsvError, parseAgencyCsv } from '../../../services/registry/agency-csv.ts';

const header = 'slug,name_fa,name_en,portal_url';

describe('parseAgencyCsv', () => {
  it('accepts the shipped seed list: 158 agencies, one without a portal', () => {
    const { rows, rejected } = parseAgencyCsv(readFileSync('config/agencies.csv', 'utf8'));
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(158);
    expect(rows.filter((r) => r.portalUrl === null)).toHaveLength(1);
  });

  it('rejects bad rows with their line and reason and keeps the good ones', () => {
    const csv = [header,
      'good,خوب,Good,https://good.example/',
      ',بی‌نام,NoSlug,https://x.example/',
      'bad-url,بد,Bad,http//broken',
      'ftp-one,اف,Ftp,ftp://files.example/',
      'good,تکراری,Dup,https://dup.example/',
      'no-fa,,NoName,https://n.example/',
      'no-en,نام,,https://n.example/',
      'Bad Slug,نام,Name,https://n.example/',
      'no-portal,بدون,None,',
    ].join('\n');
    const { rows, rejected } = parseAgencyCsv(csv);
    expect(rows.map((r) => [r.line, r.slug, r.portalUrl])).toEqual([[2, 'good', 'https://good.example/'], [10, 'no-portal', null]]);
    expect(rejected).toEqual([
      { line: 3, reason: 'missing slug' },
      { line: 4, slug: 'bad-url', reason: 'malformed URL "http//broken"' },
      { line: 5, slug: 'ftp-one', reason: 'unsupported scheme "ftp" (only http and https)' },
      { line: 6, slug: 'good', reason: 'duplicate slug "good" (first at line 2)' },
      { line: 7, slug: 'no-fa', reason: 'missing name (name_fa)' },
      { line: 8, slug: 'no-en', reason: 'missing name (name_en)' },
      { line: 9, slug: 'Bad Slug', reason: 'invalid slug "Bad Slug" (lower-case letters, digits and "-", at most 64)' },
    ]);
  });

  it('counts lines of quoted multi-line fields and strips a BOM', () => {
    const { rows, rejected } = parseAgencyCsv(`\uFEFF${header}\na,"نام\nدوم",A,https://a.example/\nb,ب,B,mailto:x@y\n`);
    expect(rows[0]).toMatchObject({ slug: 'a', line: 2 });
    expect(rejected).toEqual([{ line: 4, slug: 'b', reason: 'unsupported scheme "mailto" (only http and https)' }]);
  });

  it('refuses a file without the expected columns', () => {
    expect(() => parseAgencyCsv('slug,name\nx,y\n')).toThrow(AgencyCsvError);
    expect(() => parseAgencyCsv('slug,name\nx,y\n')).toThrow('missing column(s) name_fa, name_en, portal_url');
  });
});
