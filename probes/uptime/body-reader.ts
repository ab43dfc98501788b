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
import { keywordScanner, type KeywordScanner } from './keyword-scanner.ts';
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

type Progress = { report: BodyReport; wireBytes: number; readonly max: number; readonly enough: Error };

// Wire bytes: a chunk that crosses the bound still goes to the decoder (it is in memory already;
// the decoded side is cut exactly), the next one stops the read.
function wireCounter(p: Progress, onRead: (bytesRead: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (p.wireBytes >= p.max) {
        p.report.truncated = true;
        return cb(p.enough);
      }
      p.wireBytes += chunk.length;
      p.report.bytesRead = Math.min(p.max, p.wireBytes);
      onRead(p.report.bytesRead);
      cb(null, chunk);
    },
  });
}

function boundedSink(p: Progress, scanner: KeywordScanner | null): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      const room = p.max - p.report.decodedBytes;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      p.report.decodedBytes += part.length;
      if (scanner?.push(part)) return cb(p.enough);
      if (chunk.length > room) {
        p.report.truncated = true;
        return cb(p.enough);
      }
      cb();
    },
  });
}

/** onRead sees the running wire count, so a body cut by a timeout still reports what it read. */
export async function readBody(body: Readable, contentEncoding: string | undefined, limits: BodyLimits,
  signal: AbortSignal, onRead: (bytesRead: number) => void = () => undefined): Promise<BodyReport> {
  const p: Progress = { report: { bytesRead: 0, decodedBytes: 0, truncated: false }, wireBytes: 0, max: limits.maxBodyBytes, enough: new Error('enough read') };
  const scanner = limits.keyword ? keywordScanner(Buffer.from(limits.keyword.text, 'utf8')) : null;
  const decoders = decodersFor(contentEncoding) ?? [];
  try {
    await pipeline([body, wireCounter(p, onRead), ...decoders, boundedSink(p, scanner)], { signal });
  } catch (err) {
    // An empty body labelled gzip/br/deflate (seen on 200s with Content-Length: 0) is empty, not corrupt.
    const emptyCoded = p.wireBytes === 0 && (err as { code?: unknown }).code === 'Z_BUF_ERROR';
    if (err !== p.enough && !emptyCoded) throw err;
  }
  const error = verdict(limits.keyword, scanner?.found ?? false, p.report.truncated);
  return error ? { ...p.report, error } : p.report;
}
