// Key material: 32 random bytes, base64url, with a recognisable prefix. Only the sha256 is stored.
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'snj_';

export function generateApiKey(): { key: string; keyHash: string; prefix: string } {
  const key = PREFIX + randomBytes(32).toString('base64url');
  return { key, keyHash: hashApiKey(key), prefix: key.slice(0, PREFIX.length + 6) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key of an `Authorization: Bearer <key>` header, or null. */
export function bearerKey(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header ?? '');
  return m ? m[1]! : null;
}
