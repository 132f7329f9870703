import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller, CommandInput, CommandName, CommandOutput, Finding } from '../../../src-main/contract/index.js';
import { replaceAttributionFindings } from '../../../src-main/core/ingest/ingest-store.js';
import { openStation } from '../../../src-main/core/station.js';
import type { Station } from '../../../src-main/core/station-api.js';
import { tempDir } from '../../helpers/temp-dir.js';

const clerk: Caller = { name: 'wang', role: 'clerk' };
const admin: Caller = { name: 'zhao', role: 'admin' };
const allOk = { battery: 'ok', storage: 'ok', clock: 'ok' } as const;

let station: Station;
let db: Database.Database;
let checkoutId: number;

async function call<K extends CommandName>(name: K, input: CommandInput<K>, caller: Caller = clerk): Promise<CommandOutput<K>> {
  const result = await station.call(name, input, caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** An ingest of the device with `recording-gap` findings as attribution writes them (a pause inside the check-out's window). */
function ingestWithGaps(id: string, deviceId: number, spans: readonly [string, string, number][]): number[] {
  db.prepare(
    `INSERT INTO ingests (id, source_path, archive_dir, operator, station_name, owner_pid, state, started_at, finished_at, device_id)
     VALUES (?, '/media/card', ?, 'wang', 'desk', 1, 'completed', 0, 1, ?)`,
  ).run(id, `/archive/${id}`, deviceId);
  const add = db.prepare(`INSERT INTO ingest_findings (ingest_id, kind, details_json) VALUES (?, 'recording-gap', ?)`);
  return spans.map(([from, to, gapSeconds]) => {
    const finding: Finding = { kind: 'recording-gap', source: 'DCIM/b.MP4', previous: 'DCIM/a.MP4', gapSeconds, activity: { checkoutId, from, to } };
    return Number(add.run(id, JSON.stringify(finding)).lastInsertRowid);
  });
}

const record = (deviceSerial: string, from: string, to: string) =>
  call('workRecords.add', { deviceSerial, from, to, reason: 'obstruction', explanation: '当事人遮挡镜头' });

beforeEach(async () => {
  const dataDir = join(tempDir('work-record-gaps'), 'data');
  station = await openStation({ dataDir });
  await call('devices.add', { serial: 'DSJ0001', type: 'body-camera' });
  await call('devices.add', { serial: 'DSJ0002', type: 'body-camera' });
  await call('people.add', { name: '张伟', officerNumber: '123456' }, admin);
  checkoutId = (await call('ledger.checkout', { deviceSerial: 'DSJ0001', officerNumber: '123456', checks: allOk, at: '2026-11-26T08:00:00+08:00' })).checkoutId;
  db = new Database(join(dataDir, 'station.db'));
});
afterEach(async () => {
  db.close();
  await station.close();
});

describe('a work record and the detected pause it explains', () => {
  it('links the pause on the same device that meets the range, preferring one no record names yet, then the larger overlap', async () => {
    const [early, late] = ingestWithGaps('i1', 1, [
      ['2026-11-26T09:00:00.000+08:00', '2026-11-26T09:10:00.000+08:00', 600],
      ['2026-11-26T09:20:00.000+08:00', '2026-11-26T09:40:00.000+08:00', 1200],
    ]);
    // The other device's pause at the same time is not this record's.
    ingestWithGaps('i2', 2, [['2026-11-26T09:00:00.000+08:00', '2026-11-26T09:40:00.000+08:00', 2400]]);
    expect((await call('workRecords.gaps', {})).map((gap) => gap.findingId)).toHaveLength(3);

    const first = await record('DSJ0001', '2026-11-26T09:05:00+08:00', '2026-11-26T09:35:00+08:00');
    // Overlaps both: 5 minutes of the first, 15 of the second.
    expect(first.gapFinding).toMatchObject({ findingId: late, gapSeconds: 1200, ingestId: 'i1' });
    expect(first).toMatchObject({ officer: { name: '张伟' }, checkoutId });
    const second = await record('DSJ0001', '2026-11-26T09:05:00+08:00', '2026-11-26T09:35:00+08:00');
    expect(second.gapFinding?.findingId).toBe(early);
    const outside = await record('DSJ0001', '2026-11-26T11:00:00+08:00', '2026-11-26T11:05:00+08:00');
    expect(outside.gapFinding).toBeNull();

    const uncovered = await call('workRecords.gaps', {});
    expect(uncovered).toEqual([expect.objectContaining({ ingestId: 'i2', device: { id: 2, serial: 'DSJ0002', name: null }, officer: '张伟', checkoutId })]);
  });

  it('keeps a named pause when attribution runs again, and does not add it twice', async () => {
    const [named, other] = ingestWithGaps('i1', 1, [
      ['2026-11-26T09:00:00.000+08:00', '2026-11-26T09:10:00.000+08:00', 600],
      ['2026-11-26T10:00:00.000+08:00', '2026-11-26T10:10:00.000+08:00', 600],
    ]);
    const made = await record('DSJ0001', '2026-11-26T09:00:00+08:00', '2026-11-26T09:10:00+08:00');
    expect(made.gapFinding?.findingId).toBe(named);
    const found = db.prepare('SELECT details_json FROM ingest_findings WHERE id IN (?, ?) ORDER BY id').all(named, other) as { details_json: string }[];
    replaceAttributionFindings(db, 'i1', found.map((row) => JSON.parse(row.details_json) as Finding));
    const kept = db.prepare("SELECT id FROM ingest_findings WHERE ingest_id = 'i1' ORDER BY id").all() as { id: number }[];
    expect(kept).toHaveLength(2);
    expect(kept[0]!.id).toBe(named);
    expect((await call('workRecords.list', {}))[0]!.gapFinding?.findingId).toBe(named);
  });
});
