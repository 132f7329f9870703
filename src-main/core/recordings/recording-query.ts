import { DateTime } from 'luxon';
import type { RecordingQuery, RecordingSort } from '../../contract/index.js';
import { dayRange } from '../clock.js';
import { utcDefinedTags } from '../media/index.js';

/**
 * When the recording was made, in ms, as the list sorts and filters it: a recorder a clerk
 * confirmed writes local time into UTC header tags, so those times move back by the station zone's
 * offset (taken now: the zones these stations run in keep no daylight saving).
 */
function recordedAtMs(zone: string): string {
  const offsetMs = DateTime.now().setZone(zone).offset * 60_000;
  const tags = utcDefinedTags.map((tag) => `'${tag}'`).join(', ');
  return `(CASE WHEN d.metadata_local_time = 1 AND r.recorded_at_source IN (${tags}) THEN r.recorded_at_ms - ${offsetMs} ELSE r.recorded_at_ms END)`;
}

/** What each sortable column orders by; `device` is the name the list query computes. */
const sortColumns: Record<Exclude<RecordingSort, 'time'>, string> = {
  file: 'r.original_path',
  device: 'device',
  officer: 'r.officer_number',
  kind: 'r.kind',
  duration: 'r.duration_seconds',
  size: 'r.size',
  hash: 'r.sha256',
  status: 'r.readable',
};

/** Rows without a value (no recording time, no officer) go last in both directions; equal rows keep their archive order. */
export function orderClause(query: Pick<RecordingQuery, 'sort' | 'order'>, zone: string): string {
  const column = query.sort === 'time' ? recordedAtMs(zone) : sortColumns[query.sort];
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${column} IS NULL, ${column} ${direction}, r.id ${direction}`;
}

/**
 * `hidden`: recordings the caller may not see (Art. 14). What a list masks of them (name, officer,
 * time) must not find them either, or a search would tell what the mask hides.
 */
export function whereClause(query: RecordingQuery, zone: string, hidden: readonly number[] = []): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (query.kind) where('r.kind = ?', query.kind);
  // What that ingest found on the card: archived by it, or found again (a re-import of duplicates).
  if (query.ingestId) where('r.id IN (SELECT recording_id FROM ingest_files WHERE ingest_id = ? AND recording_id IS NOT NULL)', query.ingestId);
  const seen = hidden.length === 0 ? 'TRUE' : 'r.id NOT IN (SELECT value FROM json_each(?))';
  const seenParams = hidden.length === 0 ? [] : [JSON.stringify(hidden)];
  if (query.officer?.trim()) where(`(r.officer_number = ? AND ${seen})`, query.officer.trim().toUpperCase(), ...seenParams);
  if (query.unattributed) where('r.officer_id IS NULL');
  if (query.important) where('r.important = 1');
  if (query.deviceId !== undefined) where('i.device_id = ?', query.deviceId);
  if (query.damaged) where('(r.readable = 0 OR r.problem IS NOT NULL)');
  const { startMs, endMs } = dayRange(query.from, query.to, zone);
  if (startMs !== null) where(`(${recordedAtMs(zone)} >= ? AND ${seen})`, startMs, ...seenParams);
  if (endMs !== null) where(`(${recordedAtMs(zone)} < ? AND ${seen})`, endMs, ...seenParams);
  const search = query.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where(
      `(((r.original_path LIKE ? ESCAPE '\\' OR r.officer_number LIKE ? ESCAPE '\\') AND ${seen})
        OR r.sha256 LIKE ? OR i.source_label LIKE ? ESCAPE '\\' OR d.serial LIKE ? ESCAPE '\\' OR d.name LIKE ? ESCAPE '\\')`,
      like,
      like,
      ...seenParams,
      `${search.toLowerCase()}%`,
      like,
      like,
      like,
    );
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
