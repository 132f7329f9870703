import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandError, IngestReport } from '../../src-main/contract/index.js';
import { openStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station-api.js';
import { makeFile } from '../helpers/make-media.js';
import { asOfficeUser } from '../helpers/office-user.js';
import { cliEntry } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const caller = { name: 'test', role: 'admin' } as const;
/** Node as an office user: mode 000 refuses it, as it refuses the clerk's own account. */
function runRefusable(args: string[]) {
  const [command, ...rest] = asOfficeUser([process.execPath, ...args]);
  return spawnSync(command, rest, { encoding: 'utf8' });
}

describe('a source the station may not read', () => {
  const root = tempDir('unreadable');
  let station: Station;
  beforeAll(async () => {
    station = await openStation({ dataDir: join(root, 'data') });
  });
  afterAll(() => station.close());

  async function browse(path: string): Promise<CommandError> {
    const result = await station.call('sources.browse', { path }, caller);
    if (result.ok) throw new Error(`${path} was listed`);
    return result.error;
  }

  it('is told apart from a missing folder when browsing: a permission error is not "not found"', async () => {
    const locked = join(root, 'locked');
    mkdirSync(join(locked, 'DCIM'), { recursive: true });
    chmodSync(locked, 0o000);
    const browsed = runRefusable([
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(join(process.cwd(), 'out/src-main/core/sources/browse.js'))}).then((m) => m.browseFolders(${JSON.stringify(locked)}))` +
        `.then(() => console.log('{}'), (e) => console.log(JSON.stringify({ code: e.code, cause: e.errorCause, message: e.message })))`,
    ]);
    expect(JSON.parse(browsed.stdout || browsed.stderr)).toMatchObject({ code: 'source-unreadable', cause: 'no-permission', message: expect.stringContaining('EACCES') });

    expect(await browse(join(root, 'no-such-card'))).toMatchObject({ code: 'not-found', cause: 'not-there', message: expect.stringContaining('ENOENT') });
    writeFileSync(join(root, 'a-file'), '');
    expect(await browse(join(root, 'a-file'))).toMatchObject({ code: 'not-found', cause: 'not-a-folder' });
    expect(await browse('card4')).toMatchObject({ code: 'invalid-input', cause: 'relative-path' });
    // Quotes and ~ as typed or pasted reach the folder itself.
    const listed = await station.call('sources.browse', { path: `"${root}"` }, caller);
    expect(listed.ok && listed.value.path).toBe(root);
  });

  it('fails one file the OS will not let it read as unreadable (check its rights), not as a failed copy', () => {
    const card = join(root, 'card');
    makeFile(join(card, 'DCIM/0001.MP4'), 4096, 1);
    makeFile(join(card, 'DCIM/0002.MP4'), 4096, 2);
    chmodSync(join(card, 'DCIM/0002.MP4'), 0o000);
    const data = join(root, 'refused-data');
    mkdirSync(data);
    const run = runRefusable([cliEntry, '--data', data, 'ingest', card, '--json']);
    const report = JSON.parse(run.stdout) as IngestReport;
    expect(run.status).toBe(1);
    const bySource = Object.fromEntries(report.files.map((f) => [f.source, { status: f.status, reasonCode: f.reasonCode, reason: f.reason }]));
    expect(bySource).toEqual({
      'DCIM/0001.MP4': { status: 'archived', reasonCode: null, reason: null },
      'DCIM/0002.MP4': { status: 'failed', reasonCode: 'unreadable', reason: expect.stringContaining('EACCES') },
    });
  });

  it('refuses a relative path typed to ingest.start, and a missing source says so with its cause', async () => {
    const relative = await station.call('ingest.start', { sourcePath: 'card' }, caller);
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-input', cause: 'relative-path' } });
    const missing = await station.call('ingest.start', { sourcePath: `'${join(root, 'gone')}'` }, caller);
    expect(missing).toMatchObject({ ok: false, error: { code: 'source-unreadable', cause: 'not-there' } });
  });
});
