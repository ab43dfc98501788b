// Probe results of one target per kind, in a time range, keyset-paginated by (time, key): uptime
// checks (raw, kept for the retention period), TLS scans and speed measurements (kept).
import type { Db } from '../client.ts';
import type { ProbeKind } from '../../workers/job.ts';

export type ResultRow = { at: Date; key: string; result: Record<string, unknown> };
export type ResultPage = { targetId: number; kind: ProbeKind; fromMs: number; toMs: number; after: { at: Date; key: string } | null; limit: number };

// Per kind: the table's time column, a text key that orders rows sharing a time, and the fields shown.
const sources: Record<ProbeKind, { table: string; at: string; key: string; fields: string }> = {
  uptime: {
    table: 'checks', at: 'checked_at', key: `region || '/' || to_char(slot_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSMS') || '/' || attempt`,
    fields: `'region', region, 'slotAt', slot_at, 'attempt', attempt, 'outcome', outcome, 'status', status, 'errorClass', error_class,
      'errorReason', error_reason, 'finalUrl', final_url, 'totalMs', total_ms, 'ttfbMs', ttfb_ms, 'bytesRead', bytes_read`,
  },
  tls: {
    table: 'tls_scans', at: 'scanned_at', key: `lpad(id::text, 19, '0')`,
    fields: `'id', id, 'region', region, 'outcome', outcome, 'grade', grade, 'gradeIfTrusted', grade_if_trusted,
      'errorClass', error_class, 'host', host, 'port', port, 'certNotAfter', cert_not_after, 'durationMs', duration_ms`,
  },
  speed: {
    table: 'speed_measurements', at: 'measured_at', key: `lpad(id::text, 19, '0')`,
    fields: `'id', id, 'region', region, 'outcome', outcome, 'profile', profile, 'settingsHash', settings_hash, 'percentage', percentage,
      'performance', performance, 'structure', structure, 'runsUsed', runs_used, 'errorClass', error_class,
      'chromiumVersion', chromium_version, 'lighthouseVersion', lighthouse_version`,
  },
};

export async function probeResults(db: Db, p: ResultPage): Promise<ResultRow[]> {
  const s = sources[p.kind];
  return db.query<ResultRow>(`SELECT ${s.at} AS at, ${s.key} AS key, json_build_object(${s.fields}) AS result
    FROM ${s.table} WHERE target_id = $1 AND ${s.at} >= $2 AND ${s.at} < $3
      AND ($4::timestamptz IS NULL OR (${s.at}, ${s.key}) > ($4, $5::text))
    ORDER BY ${s.at}, ${s.key} LIMIT $6`,
  [p.targetId, new Date(p.fromMs), new Date(p.toMs), p.after?.at ?? null, p.after?.key ?? null, p.limit]);
}
