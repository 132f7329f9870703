import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chosenBinary, ffmpegPath, ffprobePath, mediaToolEnv, resolveBinary } from '../../../native-tools/binaries.js';

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

// glibc's own loader lists the allocator settings a program started with this environment gets: a
// misspelt tunable would be ignored without a word, and ffmpeg would fault its frames in page by page.
const loader = '/lib64/ld-linux-x86-64.so.2';
// hugetlb is known from glibc 2.35 on; an older glibc ignores it, and the test has nothing to check.
const glibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime ?? '0.0';
const [glibcMajor = 0, glibcMinor = 0] = glibc.split('.').map(Number);
const loaderLists = process.platform === 'linux' && existsSync(loader) && (glibcMajor > 2 || (glibcMajor === 2 && glibcMinor >= 35));

describe('the environment media tools run in', () => {
  it.skipIf(!loaderLists)('gives glibc the allocator settings, which it takes (needs x86-64 glibc 2.35+)', async () => {
    const { stdout } = await run(loader, ['--list-tunables'], { env: mediaToolEnv({ PATH: process.env.PATH }) });
    expect(stdout).toMatch(/^glibc\.malloc\.hugetlb: 0x1 /m);
    expect(stdout).toMatch(/^glibc\.malloc\.mmap_threshold: 0x2000000 /m);
    expect(stdout).toMatch(/^glibc\.malloc\.trim_threshold: 0x10000000 /m);
  });

  it('keeps the station environment, and tunables set for the station before its own', () => {
    const env = mediaToolEnv({ PATH: '/usr/bin', LANG: 'zh_CN.UTF-8', GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' });
    expect(env).toMatchObject({ PATH: '/usr/bin', LANG: 'zh_CN.UTF-8' });
    expect(env.GLIBC_TUNABLES?.split(':')[0]).toBe('glibc.malloc.arena_max=2');
    expect(env.GLIBC_TUNABLES?.split(':')).toHaveLength(4);
  });
});
