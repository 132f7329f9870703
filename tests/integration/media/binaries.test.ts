import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chosenBinary, ffmpegPath, ffprobePath, resolveBinary } from '../../../native-tools/binaries.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-binaries-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('media tool lookup', () => {
  it.each(['ffprobe', 'ffmpeg'] as const)('falls back to the npm-shipped %s, which runs', async (name) => {
    const bundled = resolveBinary(name, '');
    expect(bundled.source).toBe('bundled');
    expect(bundled.path).toContain(`@${name}-installer`);
    const { stdout } = await run(bundled.path, ['-version']);
    expect(stdout).toMatch(new RegExp(`^${name} version`));
  });

  it('prefers an executable on PATH over the shipped one', async () => {
    const systemDir = await mkdtemp(join(dir, 'bin-'));
    await symlink(resolveBinary('ffprobe', '').path, join(systemDir, 'ffprobe'));
    const found = resolveBinary('ffprobe', ['/nonexistent', systemDir].join(delimiter));
    expect(found).toEqual({ name: 'ffprobe', path: join(systemDir, 'ffprobe'), source: 'system' });
  });

  it('skips a file on PATH that is not executable', async () => {
    const notExecutable = await mkdtemp(join(dir, 'noexec-'));
    await writeFile(join(notExecutable, 'ffmpeg'), '#!/bin/sh\n');
    await chmod(join(notExecutable, 'ffmpeg'), 0o644);
    expect(resolveBinary('ffmpeg', notExecutable).source).toBe('bundled');
  });

  it('decides once per process which binaries it uses, whatever PATH says later', () => {
    const first = [ffprobePath(), ffmpegPath()];
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      expect([ffprobePath(), ffmpegPath()]).toEqual(first);
      expect(chosenBinary('ffprobe').path).toBe(first[0]);
    } finally {
      process.env.PATH = path;
    }
  });
});
