import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStationLog } from '../../../src-main/core/log/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const maxBytes = 2000;
const keep = 3;

function numberOf(name: string): number {
  return Number(/^station\.(\d+)\.log$/.exec(name)?.[1]);
}

function logFilesOldestFirst(logsDir: string): string[] {
  return readdirSync(logsDir)
    .filter((name) => /^station\.\d+\.log$/.test(name))
    .sort((a, b) => numberOf(a) - numberOf(b));
}

function indexesIn(file: string): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((text) => text !== '')
    .map((text) => (JSON.parse(text) as { index: number }).index);
}

describe('the station log rotated by size', () => {
  it('starts a new file at the size limit and keeps only the newest files', async () => {
    const logsDir = tempDir('log-rotate');
    const log = await openStationLog(logsDir, { maxBytes, keep });
    const lineCount = 120;
    // One synchronous burst: the log moves to the next file at the line that reaches the limit, not later.
    for (let index = 0; index < lineCount; index += 1) {
      log.info('ingest.file', { index, source: `DCIM/100MEDIA/FILE${String(index).padStart(4, '0')}.MP4` });
    }
    await log.close();

    const files = logFilesOldestFirst(logsDir);
    // Many rotations happened (each line is ~170 bytes, ~12 per file), and only `keep` files are left:
    // the newest ones, numbered without a gap.
    expect(files).toHaveLength(keep);
    const numbers = files.map(numberOf);
    expect(numbers[0]).toBeGreaterThan(3);
    expect(numbers).toEqual([numbers[0], (numbers[0] ?? 0) + 1, (numbers[0] ?? 0) + 2]);

    const longestLine = Math.max(...files.flatMap((name) => readFileSync(join(logsDir, name), 'utf8').split('\n').map((text) => text.length + 1)));
    for (const name of files) expect(statSync(join(logsDir, name)).size).toBeLessThanOrEqual(maxBytes + longestLine);

    // No line is lost inside the kept files, up to the last one logged.
    const indexes = files.flatMap((name) => indexesIn(join(logsDir, name)));
    const firstKept = indexes[0] ?? 0;
    expect(indexes).toEqual(Array.from({ length: lineCount - firstKept }, (_, offset) => firstKept + offset));
  });

  it('counts files left by an earlier run when removing the oldest', async () => {
    const logsDir = tempDir('log-rotate-restart');
    for (let run = 0; run < 3; run += 1) {
      const log = await openStationLog(logsDir, { maxBytes, keep });
      for (let index = 0; index < 40; index += 1) {
        log.info('ingest.file', { run, index, padding: 'x'.repeat(100) });
      }
      await log.close();
    }
    expect(logFilesOldestFirst(logsDir)).toHaveLength(keep);
  });

  it('stays in its file when the next cannot be made, says so, and moves on once it can', async () => {
    const logsDir = tempDir('log-rotate-blocked');
    const problems: unknown[] = [];
    const log = await openStationLog(logsDir, { maxBytes, keep: 10, onWriteError: (error) => problems.push(error) });
    // A folder where the next file goes: it cannot be opened as a file (even by root).
    mkdirSync(join(logsDir, 'station.2.log'));
    for (let index = 0; index < 20; index += 1) log.info('ingest.file', { index, padding: 'x'.repeat(100) });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((error) => (error as NodeJS.ErrnoException).code === 'EISDIR')).toBe(true);
    rmdirSync(join(logsDir, 'station.2.log'));
    for (let index = 20; index < 60; index += 1) log.info('ingest.file', { index, padding: 'x'.repeat(100) });
    await log.close();
    // Numbered without a gap, no other problem (an old file closed twice), and no line lost.
    expect(problems.every((error) => (error as NodeJS.ErrnoException).code === 'EISDIR')).toBe(true);
    const files = logFilesOldestFirst(logsDir);
    expect(files.map(numberOf)).toEqual(files.map((_, position) => position + 1));
    expect(files.length).toBeGreaterThan(2);
    expect(files.flatMap((name) => indexesIn(join(logsDir, name)))).toEqual(Array.from({ length: 60 }, (_, index) => index));
  });
});
