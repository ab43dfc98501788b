// readBody on in-memory streams: the bound, the keyword verdicts, decoding, corrupt input.
import { Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodersFor, readBody } from '../../../probes/uptime/body-reader.ts';

const signal = new AbortController().signal;
const chunks = (...parts: (string | Buffer)[]): Readable => Readable.from(parts.map((p) => Buffer.from(p)));

describe('readBody', () => {
  it('reads a small body whole', async () => {
    expect(await readBody(chunks('abc', 'def'), undefined, { maxBodyBytes: 100 }, signal))
      .toEqual({ bytesRead: 6, decodedBytes: 6, truncated: false });
  });

  it('stops at the bound: truncated, no error without a keyword', async () => {
    const r = await readBody(chunks('a'.repeat(60), 'b'.repeat(60)), undefined, { maxBodyBytes: 100 }, signal);
    expect(r).toMatchObject({ decodedBytes: 100, truncated: true, bytesRead: 100 });
    expect(r.error).toBeUndefined();
  });

  it('keyword verdicts: found, missing, cut by the bound, forbidden', async () => {
    const present = { text: 'ok!', mode: 'present' } as const;
    const absent = { text: 'ok!', mode: 'absent' } as const;
    expect((await readBody(chunks('is o', 'k!'), undefined, { maxBodyBytes: 100, keyword: present }, signal)).error).toBeUndefined();
    expect((await readBody(chunks('nothing'), undefined, { maxBodyBytes: 100, keyword: present }, signal)).error).toEqual({ class: 'keyword_missing' });
    expect((await readBody(chunks('x'.repeat(50), 'ok!'), undefined, { maxBodyBytes: 40, keyword: present }, signal)).error).toEqual({ class: 'body_too_large' });
    expect((await readBody(chunks('nothing'), undefined, { maxBodyBytes: 100, keyword: absent }, signal)).error).toBeUndefined();
    expect((await readBody(chunks('it is ok!'), undefined, { maxBodyBytes: 100, keyword: absent }, signal)).error).toEqual({ class: 'keyword_missing' });
    expect((await readBody(chunks('x'.repeat(50)), undefined, { maxBodyBytes: 40, keyword: absent }, signal)).error).toEqual({ class: 'body_too_large' });
  });

  it('decodes gzip and brotli, counting wire bytes apart from decoded bytes', async () => {
    const text = 'سلام '.repeat(1000);
    const gz = gzipSync(text);
    const r = await readBody(chunks(gz), 'gzip', { maxBodyBytes: 1 << 20, keyword: { text: 'سلام', mode: 'present' } }, signal);
    expect(r.error).toBeUndefined();
    expect(r.bytesRead).toBe(gz.length);
    const br = await readBody(chunks(brotliCompressSync(text)), 'br', { maxBodyBytes: 1 << 20 }, signal);
    expect(br.decodedBytes).toBe(Buffer.byteLength(text));
  });

  it('a compressed body inflating past the bound is cut at the bound', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const r = await readBody(chunks(bomb), 'gzip', { maxBodyBytes: 1 << 20 }, signal);
    expect(r).toMatchObject({ decodedBytes: 1 << 20, truncated: true });
  });

  it('corrupt gzip rejects with a zlib code (classified invalid_response by the probe)', async () => {
    await expect(readBody(chunks('not gzip at all'), 'gzip', { maxBodyBytes: 100 }, signal)).rejects.toMatchObject({ code: expect.stringMatching(/^Z_/) });
  });

  it('an empty body with a content coding is empty, not corrupt', async () => {
    for (const coding of ['gzip', 'br', 'deflate']) {
      expect(await readBody(chunks(), coding, { maxBodyBytes: 100 }, signal)).toEqual({ bytesRead: 0, decodedBytes: 0, truncated: false });
    }
  });

  it('picks decoders for an encoding list, and none for an unknown coding', () => {
    expect(decodersFor(undefined)).toEqual([]);
    expect(decodersFor('identity')).toEqual([]);
    expect(decodersFor('deflate, gzip')).toHaveLength(2);
    expect(decodersFor('zstd')).toBeNull();
  });
});
