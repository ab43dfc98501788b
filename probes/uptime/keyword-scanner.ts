// Finds a byte string in a body that arrives in chunks, keeping only the last (needle − 1) bytes
// between chunks, so a match split across two chunks is found and memory stays constant.
export type KeywordScanner = { push(chunk: Buffer): boolean; readonly found: boolean };

export function keywordScanner(needle: Buffer): KeywordScanner {
  let tail = Buffer.alloc(0);
  let found = needle.length === 0;
  return {
    push(chunk) {
      if (found) return true;
      const window = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      if (window.indexOf(needle) !== -1) {
        found = true;
        return true;
      }
      const keep = Math.min(needle.length - 1, window.length);
      tail = Buffer.from(window.subarray(window.length - keep));
      return false;
    },
    get found() { return found; },
  };
}
