import type { IngestQuery } from '../../contract/index.js';
import { dayRange } from '../clock.js';
import type { Database } from '../db/index.js';
import type { IngestRow } from './ingest-store.js';

/** An ingest as the history lists it: with the name of its device. */
export type ListedIngestRow = IngestRow & { device: string | null };

/** The registered device as "name (serial)" or its serial, else the name of the volume or folder. */
const deviceName = `COALESCE(CASE WHEN d.id IS NULL THEN NULL WHEN d.name IS NULL THEN d.serial ELSE d.name || ' (' || d.serial || ')' END, i.source_label)`;

const sortColumns: Record<IngestQuery['sort'], string> = {
  started: 'i.started_at',
  finished: 'i.finished_at',
  source: 'i.source_path',
  device: deviceName,
  operator: 'i.operator',
  state: 'i.state',
  bytes: '(SELECT COALESCE(SUM(f.size), 0) FROM ingest_files f WHERE f.ingest_id = i.id)',
};

function whereClause(query: IngestQuery, zone: string, onlyId: string | undefined): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (onlyId !== undefined) {
    conditions.push('i.id = ?');
    params.push(onlyId);
  }
  if (query.state) {
    conditions.push('i.state = ?');
    params.push(query.state);
  }
  if (query.deviceId !== undefined) {
    conditions.push('i.device_id = ?');
    params.push(query.deviceId);
  }
  const { startMs, endMs } = dayRange(query.from, query.to, zone);
  if (startMs !== null) {
    conditions.push('i.started_at >= ?');
    params.push(startMs);
  }
  if (endMs !== null) {
    conditions.push('i.started_at < ?');
    params.push(endMs);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** One page of the ingest history and how many ingests the filters match; unfinished ones sort last by finish time. */
export function listIngestPage(db: Database, query: IngestQuery, zone: string, onlyId?: string): { total: number; rows: ListedIngestRow[] } {
  const where = whereClause(query, zone, onlyId);
  const column = sortColumns[query.sort];
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ingests i ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT i.*, ${deviceName} AS device FROM ingests i LEFT JOIN devices d ON d.id = i.device_id ${where.sql}
       ORDER BY ${column} IS NULL, ${column} ${direction}, i.started_at ${direction}, i.id ${direction} LIMIT ? OFFSET ?`,
    )
    .all(...where.params, query.limit, query.offset) as ListedIngestRow[];
  return { total, rows };
}
