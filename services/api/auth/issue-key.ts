// Issuing a key (CLI and API share it): the key is returned once and never stored in clear.
import type { Db } from '../../../db/client.ts';
import { agencyBySlug } from '../../../db/store/agencies.ts';
import { insertApiKey, type ApiKeyRow, type Role } from '../../../db/store/api-keys.ts';
import { generateApiKey } from './api-key.ts';

export type IssueRequest = { role: Role; agency?: string | undefined; label?: string | undefined };
export type IssueOutcome = { ok: true; key: string; row: ApiKeyRow } | { ok: false; field: string; reason: string };

export async function issueApiKey(db: Db, req: IssueRequest): Promise<IssueOutcome> {
  if (req.role === 'agency' && !req.agency) return { ok: false, field: 'agency', reason: 'an agency key needs an agency slug' };
  if (req.role !== 'agency' && req.agency) return { ok: false, field: 'agency', reason: `a ${req.role} key belongs to no agency` };
  let agencyId: number | null = null;
  if (req.agency) {
    const agency = await agencyBySlug(db, req.agency);
    if (!agency) return { ok: false, field: 'agency', reason: `unknown agency "${req.agency}"` };
    agencyId = Number(agency.id);
  }
  const { key, keyHash, prefix } = generateApiKey();
  const row = await insertApiKey(db, { keyHash, prefix, role: req.role, agencyId, label: req.label ?? null });
  return { ok: true, key, row };
}
