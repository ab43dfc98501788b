// Reads a response body with bounded memory: at most maxBodyBytes taken off the wire and at most
// maxBodyBytes after content decoding, then the body is destroyed (closing the connection). The
// decoders are Node's streaming zlib/brotli, fed chunk by chunk and stopped as soon as their
// output passes the bound, so a gzip bomb costs a few chunks, never its inflated size.
//
// When is a cut body an error? Stopping at the bound is normal (issue 3: "then stop reading") and
// the page counts as served. Only a keyword assertion needs the whole body: if the bound is
// reached before the keyword was seen ('present') or before the page was seen to lack it
// ('absent'), the result is body_too_large, because we could not check what we were asked to.
// A forbidden keyword that is found ('absent' mode) is reported as keyword_missing: the keyword
// assertion failed.
import type { Readable } from 'node:stream';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { keywordScanner } from './keyword-scanner.ts';
import type { KeywordAssertion } from './options.ts';
import type { ProbeError } from './result.ts';

export type BodyLimits = { readonly maxBodyBytes: number; readonly keyword?: KeywordAssertion };
export type BodyReport = { bytesRead: number; decodedBytes: number; truncated: boolean; error?: ProbeError };

/** Decoders for a Content-Encoding list, outermost first; null when one is unknown. */
export function decodersFor(contentEncoding: string | undefined): Transform[] | null {
  const codings = (contentEncoding ?? '').split(',').map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const decoders: Transform[] = [];
  for (const c of codings.reverse()) {
    if (c === 'gzip' || c === 'x-gzip') decoders.push(createGunzip());
    else if (c === 'deflate') decoders.push(createInflate());
    else if (c === 'br') decoders.push(createBrotliDecompress());
    else return null;
  }
  return decoders;
}

function verdict(keyword: KeywordAssertion | undefined, found: boolean, truncated: boolean): ProbeError | undefined {
  if (!keyword) return undefined;
  if (found) return keyword.mode === 'present' ? undefined : { class: 'keyword_missing' };
  if (truncated) return { class: 'body_too_large' };
  return keyword.mode === 'present' ? { class: 'keyword_missing' } : undefined;
}

/** onRead sees the running wire count, so a body cut by a timeout still reports what it read. */
export async function readBody(body: Readable, contentEncoding: string | undefined, limits: BodyLimits,
  signal: AbortSignal, onRead: (bytesRead: number) => void = () => undefined): Promise<BodyReport> {
  const max = limits.maxBodyBytes;
  const report: BodyReport = { bytesRead: 0, decodedBytes: 0, truncated: false };
  const scanner = limits.keyword ? keywordScanner(Buffer.from(limits.keyword.text, 'utf8')) : null;
  const enough = new Error('enough read');
  // Wire bytes: a chunk that crosses the bound still goes to the decoder (it is in memory
  // already; the decoded side is cut exactly), the next one stops the read.
  let wireBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (wireBytes >= max) {
        report.truncated = true;
        return cb(enough);
      }
      wireBytes += chunk.length;
      report.bytesRead = Math.min(max, wireBytes);
      onRead(report.bytesRead);
      cb(null, chunk);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      const room = max - report.decodedBytes;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      report.decodedBytes += part.length;
      if (scanner?.push(part)) return cb(enough);
      if (chunk.length > room) {
        report.truncated = true;
        return cb(enough);
      }
      cb();
    },
  });
  const decoders = decodersFor(contentEncoding) ?? [];
  try {
    await pipeline([body, counter, ...decoders, sink], { signal });
  } catch (err) {
    if (err !== enough) throw err;
  }
  const error = verdict(limits.keyword, scanner?.found ?? false, report.truncated);
  return error ? { ...report, error } : report;
}
