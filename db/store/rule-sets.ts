// Rule sets as versioned records. A version used by a period is refused any change (the trigger of
// migration 041); changing a rule set means adding a version.
import type { Db } from '../client.ts';
import { parseRuleSet, type RuleSet } from '../../config/rulesets/rule-set.ts';
import { canonicalJson, sha256Hex } from '../../services/scoring/canonical-json.ts';

export type StoredRuleSet = { id: string; version: number; checksum: string; body: RuleSet; createdAt: Date; usedBy: number };
export type SaveOutcome = 'inserted' | 'updated' | 'unchanged';

export class RuleSetInUseError extends Error {}

const columns = `r.id, r.version, r.checksum, r.body, r.created_at AS "createdAt",
  (SELECT count(*)::int FROM periods p WHERE p.rule_set_id = r.id AND p.rule_set_version = r.version) AS "usedBy"`;

export const ruleSetChecksum = (rs: RuleSet): string => sha256Hex(canonicalJson(rs));

/** Adds a rule set version, or replaces an unused one; a used one with a different body is refused. */
export async function saveRuleSet(db: Db, rs: RuleSet): Promise<SaveOutcome> {
  const checksum = ruleSetChecksum(rs);
  try {
    const rows = await db.query<{ inserted: boolean }>(`INSERT INTO rule_sets (id, version, body, checksum) VALUES ($1, $2, $3, $4)
      ON CONFLICT (id, version) DO UPDATE SET body = EXCLUDED.body, checksum = EXCLUDED.checksum, created_at = now()
      WHERE rule_sets.checksum <> EXCLUDED.checksum
      RETURNING (xmax = 0) AS inserted`, [rs.id, rs.version, canonicalJson(rs), checksum]);
    return rows.length === 0 ? 'unchanged' : rows[0]!.inserted ? 'inserted' : 'updated';
  } catch (err) {
    if ((err as { code?: string }).code === '23514' && /used by a period/.test((err as Error).message)) {
      throw new RuleSetInUseError(`rule set ${rs.id} version ${rs.version} is used by a period and cannot be changed; add version ${rs.version + 1} instead`);
    }
    throw err;
  }
}

/** Syncs the shipped rule sets (config/rulesets) at start-up. */
export async function syncRuleSets(db: Db, shipped: Iterable<RuleSet>): Promise<void> {
  for (const rs of shipped) await saveRuleSet(db, rs);
}

function revive(row: StoredRuleSet): StoredRuleSet {
  return { ...row, body: parseRuleSet(row.body) };
}

export async function getRuleSet(db: Db, id: string, version?: number): Promise<StoredRuleSet | undefined> {
  const [row] = await db.query<StoredRuleSet>(`SELECT ${columns} FROM rule_sets r WHERE r.id = $1
    AND ($2::int IS NULL OR r.version = $2) ORDER BY r.version DESC LIMIT 1`, [id, version ?? null]);
  return row && revive(row);
}

export async function listRuleSets(db: Db): Promise<StoredRuleSet[]> {
  return (await db.query<StoredRuleSet>(`SELECT ${columns} FROM rule_sets r ORDER BY r.id, r.version`)).map(revive);
}
