import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStationLog } from '../../../src-main/core/log/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

// /dev/full answers every write with ENOSPC: a full disk without filling one.
describe.skipIf(!existsSync('/dev/full'))('the station log on a full disk', () => {
  it('never throws into the caller, reports the failure, and still closes', async () => {
    const logsDir = join(tempDir('log-full'), 'logs');
    mkdirSync(logsDir);
    // The log goes on in the highest-numbered file it finds: make that file the full device.
    symlinkSync('/dev/full', join(logsDir, 'station.1.log'));
    const problems: unknown[] = [];
    const log = await openStationLog(logsDir, {
      onWriteError: (error) => {
        problems.push(error);
        throw new Error('a handler that fails must not matter either');
      },
    });

    expect(() => {
      log.info('ingest.started', { ingestId: 'i-full' });
      log.error('ingest.failed', new Error('no space'), { ingestId: 'i-full' });
    }).not.toThrow();
    await expect(log.close()).resolves.toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ code: 'ENOSPC' });
  });
});
