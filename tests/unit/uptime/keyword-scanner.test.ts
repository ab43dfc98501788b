import { describe, expect, it } from 'vitest';
import { keywordScanner } from '../../../probes/uptime/keyword-scanner.ts';

const feed = (needle: string, chunks: string[]): boolean => {
  const s = keywordScanner(Buffer.from(needle));
  for (const c of chunks) s.push(Buffer.from(c));
  return s.found;
};

describe('keywordScanner', () => {
  it('finds a keyword inside one chunk, across two, and across many tiny ones', () => {
    expect(feed('needle', ['hay needle hay'])).toBe(true);
    expect(feed('needle', ['hay nee', 'dle hay'])).toBe(true);
    expect(feed('needle', [...'xxneedlexx'])).toBe(true);
  });

  it('finds a UTF-8 keyword split inside a multi-byte character', () => {
    const bytes = Buffer.from('صفحه سامانه');
    const s = keywordScanner(Buffer.from('سامانه'));
    for (let i = 0; i < bytes.length; i += 3) s.push(bytes.subarray(i, i + 3));
    expect(s.found).toBe(true);
  });

  it('does not find what is not there, nor a keyword broken by other bytes', () => {
    expect(feed('needle', ['hay nee', 'x', 'dle'])).toBe(false);
    expect(feed('needle', [])).toBe(false);
  });
});
