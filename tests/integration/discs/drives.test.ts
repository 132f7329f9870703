// Listing drives, choosing a backend, and which paths count as drives.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { devicePathOf } from '../../../src-main/core/discs/drive-path.js';
import { StationError } from '../../../src-main/core/errors.js';
import { runTool } from '../../../src-main/core/process/index.js';
import { BurnError, burnerFor, hdiutilBurner, imapi2Burner, xorrisoBurner } from '../../../native-tools/disc-burners/index.js';

const run = promisify(execFile);

describe('disc drives', () => {
  it('lists the optical drives xorriso sees, and none without throwing when there are none', async () => {
    // Asked as an outsider: xorriso itself says whether this machine has drives.
    const outsider = await run('xorriso', ['-devices']).then(({ stdout }) => stdout, (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`);
    const seen = outsider.split('\n').filter((line) => /^\s*\d+\s+-dev '/.test(line)).length;
    const drives = await xorrisoBurner.drives(runTool);
    expect(drives).toHaveLength(seen);
    if (/No drives found/.test(outsider)) expect(drives).toEqual([]);
  });

  it('uses xorriso on Linux and refuses platforms without a backend yet', () => {
    expect(burnerFor('linux')).toBe(xorrisoBurner);
    expect(burnerFor('win32')).toBe(imapi2Burner);
    expect(burnerFor('darwin')).toBe(hdiutilBurner);
    expect(() => burnerFor('aix')).toThrow(new BurnError('failed', 'no disc burner for aix'));
  });

  it('takes stdio:/path and /dev/… as drives and nothing else', () => {
    expect(devicePathOf('stdio:/tmp/copy A.bin')).toBe('/tmp/copy A.bin');
    expect(devicePathOf('/dev/sr0')).toBe('/dev/sr0');
    for (const bad of ['sr0', 'stdio:relative.bin', '/etc/passwd', '/dev/../etc/passwd', 'stdio:/a/../b']) {
      expect(() => devicePathOf(bad)).toThrow(StationError);
    }
  });
});
