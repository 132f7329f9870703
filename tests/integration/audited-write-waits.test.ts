import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station-api.js';
import { tempDir } from '../helpers/temp-dir.js';

const admin = { name: 'desk', role: 'admin' } as const;

/**
 * Another station process on the same data folder, as a scripted `station` beside the desktop
 * program: it takes the database's write lock, says so, and lets go after `holdMs`.
 */
async function holdWriteLock(dbFile: string, holdMs: number): Promise<{ released: Promise<unknown> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(dbFile)}, { timeout: 15000 });
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('held-by-another-process', '1')").run();
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await once(lines, 'line')) as [string];
  expect(first).toBe('locked');
  return { released: once(child, 'exit') };
}

describe('an audited change while another process on the data folder is writing', () => {
  let station: Station;
  let data: string;
  beforeAll(async () => {
    data = join(tempDir('audited-write-waits'), 'data');
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
});
