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

  it('prefers an ffmpeg on PATH over the shipped one, and the shipped static ffprobe over one on PATH', async () => {
    const systemDir = await mkdtemp(join(dir, 'bin-'));
    await symlink(resolveBinary('ffmpeg', '').path, join(systemDir, 'ffmpeg'));
    await symlink(resolveBinary('ffprobe', '').path, join(systemDir, 'ffprobe'));
    const searchPath = ['/nonexistent', systemDir].join(delimiter);
    expect(resolveBinary('ffmpeg', searchPath)).toEqual({ name: 'ffmpeg', path: join(systemDir, 'ffmpeg'), source: 'system' });
    expect(resolveBinary('ffprobe', searchPath)).toMatchObject({ name: 'ffprobe', source: 'bundled' });
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
