// Client profiles for handshake simulation: one JSON file per client in probes/tls/clients/
// (offered versions, suites, groups and signature algorithms as the client sends them, in its
// order). `modern` marks the clients SSL Labs counts for the forward-secrecy and AEAD caps.
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AnyTlsVersion } from './types.ts';

export type ClientProfile = {
  id: string; name: string; modern: boolean;
  /** Includes 'TLSv1.3' for clients that offer it (a superset of the contract's RawVersion). */
  versions: AnyTlsVersion[];
  suites: number[]; groups: number[]; sigalgs?: number[];
};

const u16 = z.number().int().min(0).max(0xffff);
const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), modern: z.boolean(),
  versions: z.array(z.enum(['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'])).min(1),
  suites: z.array(u16).min(1), groups: z.array(u16), sigalgs: z.array(u16).optional(),
}).strict();

/** Parses one profile file's text; throws on a malformed file (our data, our fault). */
export function parseClientProfile(text: string, file: string): ClientProfile {
  const parsed = profileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`client profile ${file}: ${parsed.error.message}`);
  if (`${parsed.data.id}.json` !== file) throw new Error(`client profile ${file}: id ${parsed.data.id} does not match the file name`);
  return parsed.data;
}

export function loadClientProfiles(dir: URL): ClientProfile[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => parseClientProfile(readFileSync(new URL(f, dir), 'utf8'), f));
}

export const clientProfiles: readonly ClientProfile[] = loadClientProfiles(new URL('../clients/', import.meta.url));
