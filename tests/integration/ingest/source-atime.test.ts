import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { makeFile } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { mountTmpfs, tmpfsUnavailable } from '../../helpers/tmpfs.js';

const reason = tmpfsUnavailable('with strictatime as the source');

describe.skipIf(reason !== null)(`reading the source${reason ? ` (skipped: ${reason})` : ''}`, () => {
  const root = tempDir('atime');
  const source = join(root, 'card');

  it('leaves even the access times of the files as they were', () => {
    // strictatime: every read would update the access time, unless the reader asks it not to.
    mountTmpfs(source, 'size=64m,strictatime');
    const then = new Date('2026-11-20T01:02:03Z');
    for (const [seed, name] of ['a.MP4', 'b.MP4'].entries()) {
      makeFile(join(source, name), 3 * 1024 * 1024, seed);
      utimesSync(join(source, name), then, then);
    }
    const { status, json } = runCliJson<IngestReport>(join(root, 'data'), ['ingest', source]);
    expect(status).toBe(0);
    expect(json.totals.archived).toBe(2);
    for (const name of ['a.MP4', 'b.MP4']) expect(statSync(join(source, name)).atimeMs).toBe(then.getTime());
  });
});
