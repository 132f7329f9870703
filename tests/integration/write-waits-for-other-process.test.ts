import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/index.js';
import { rememberVolume } from '../../src-main/core/devices/index.js';
import { openStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station-api.js';
import { tempDir } from '../helpers/temp-dir.js';

const admin = { name: 'desk', role: 'admin' } as const;

const writeASetting = "INSERT OR REPLACE INTO settings (key, value_json) VALUES ('held-by-another-process', '1')";

/**
 * Another station process on the same data folder, as a scripted `station` beside the desktop
 * program: it takes the database's write lock, writes `sql`, says so, and lets go after `holdMs`.
 */
async function holdWriteLock(dbFile: string, holdMs: number, sql = writeASetting): Promise<{ released: Promise<unknown> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(dbFile)}, { timeout: 15000 });
    db.exec('BEGIN IMMEDIATE');
    db.exec(${JSON.stringify(sql)});
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  // A script that fails before it holds the lock ends the test at once, not at its timeout.
  const first = await Promise.race([once(lines, 'line').then(([line]) => line as string), exited.then(() => 'exited')]);
  expect(first).toBe('locked');
  return { released: exited };
}

describe('a new data folder opened while another process is making it', () => {
  it('waits for the other to finish instead of failing with "database is locked" at the switch to WAL', async () => {
    const file = join(tempDir('write-waits-open'), 'station.db');
    // The other process made the file and holds its write lock, still in a rollback journal, as a
    // station does for the moment it switches a new file to WAL.
    const other = await holdWriteLock(file, 1500, 'CREATE TABLE made_by_the_other (a)');
    const db = openDatabase(file);
    try {
      await other.released;
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'made_by_the_other'").get()).toEqual({ name: 'made_by_the_other' });
    } finally {
      db.close();
    }
  });
});

describe('a change that reads before it writes, while another process on the data folder is writing', () => {
  let station: Station;
  let data: string;
  beforeAll(async () => {
    data = join(tempDir('write-waits'), 'data');
    station = await openStation({ dataDir: data });
  });
  afterAll(() => station.close());

  it('waits for the other write and is recorded, instead of failing with "database is locked"', async () => {
    // Held long enough that the call surely comes while it is held, however busy the machine.
    const other = await holdWriteLock(join(data, 'station.db'), 3000);
    // The command reads before it writes (is the serial taken?), and its audit row reads the chain's head.
    const added = await station.call('devices.add', { type: 'body-camera', serial: 'DSJ-0042' }, admin);
    await other.released;
    expect(added).toMatchObject({ ok: true, value: { serial: 'DSJ-0042' } });
    const trail = await station.call('audit.list', {}, admin);
    expect(trail.ok && trail.value.some((row) => row.action === 'devices.add')).toBe(true);
  });

  it('waits outside the router too: a plugged-in card remembered as a device', async () => {
    const added = await station.call('devices.add', { type: 'body-camera', serial: 'DSJ-0043' }, admin);
    if (!added.ok) throw new Error(added.error.message);
    // The plug-in service calls it itself, outside any command's transaction; called here on a connection of the test's own.
    const db = openDatabase(join(data, 'station.db'));
    try {
      const other = await holdWriteLock(join(data, 'station.db'), 3000);
      // It reads the device first, then remembers the card's UUID and label.
      const known = rememberVolume(db, added.value.id, { mountpoint: '/media/desk/CARD', uuid: '1234-ABCD', label: 'DSJ-0043' });
      await other.released;
      expect(known.map(({ kind, value }) => `${kind}=${value}`)).toEqual(expect.arrayContaining(['volume-uuid=1234-ABCD', 'volume-label=DSJ-0043']));
    } finally {
      db.close();
    }
  });
});
