import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nullLog, openStationLog } from '../../../src-main/core/log/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

type Line = Record<string, unknown>;

function logFiles(logsDir: string): string[] {
  return readdirSync(logsDir).filter((name) => /^station\.\d+\.log$/.test(name));
}

function linesOf(file: string): Line[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((text) => text !== '')
    .map((text) => JSON.parse(text) as Line);
}

function onlyFileLines(logsDir: string): Line[] {
  const files = logFiles(logsDir);
  expect(files).toHaveLength(1);
  return linesOf(join(logsDir, files[0] ?? ''));
}

describe('the station log', () => {
  it('writes JSON lines with time, level, event and the fields, in a logs folder it makes', async () => {
    const logsDir = join(tempDir('log-lines'), 'logs');
    const log = await openStationLog(logsDir);
    log.info('station.start', { dataDir: '/srv/station', version: '0.1.0' });
    log.info('ingest.finished', { ingestId: 'i-1', totals: { files: 3, bytes: 42 } });
    await log.close();

    const [start, finished] = onlyFileLines(logsDir);
    expect(start).toMatchObject({ level: 'info', event: 'station.start', dataDir: '/srv/station', version: '0.1.0', pid: process.pid });
    expect(finished).toMatchObject({ level: 'info', event: 'ingest.finished', ingestId: 'i-1', totals: { files: 3, bytes: 42 } });
    // Only the form of the time: an ISO-8601 UTC instant that parses.
    expect(start?.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Number.isNaN(Date.parse(String(start?.time)))).toBe(false);
  });

  it("keeps a field named like the line's own keys apart, so it cannot fake the time or level", async () => {
    const logsDir = tempDir('log-reserved');
    const log = await openStationLog(logsDir);
    log.info('ingest.started', { time: 'yesterday', level: 'fatal', event: 'other', source: '/media/card' });
    await log.close();

    const [line] = onlyFileLines(logsDir);
    expect(line).toMatchObject({ level: 'info', event: 'ingest.started', 'field.time': 'yesterday', 'field.level': 'fatal', 'field.event': 'other' });
    expect(line?.time).not.toBe('yesterday');
  });

  it("writes an error's message, type and stack, with its cause", async () => {
    const logsDir = tempDir('log-error');
    const log = await openStationLog(logsDir);
    const cause = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    log.error('ingest.failed', new Error('copy stopped', { cause }), { ingestId: 'i-2' });
    log.error('internal', 'a thrown string');
    await log.close();

    const [failed, internal] = onlyFileLines(logsDir);
    expect(failed).toMatchObject({ level: 'error', event: 'ingest.failed', ingestId: 'i-2', err: { type: 'Error' } });
    const err = failed?.err as { message: string; stack: string };
    expect(err.message).toContain('copy stopped');
    expect(err.message).toContain('EIO: i/o error, read');
    expect(err.stack).toMatch(/^Error: copy stopped\n\s+at /);
    expect(err.stack).toContain('station-log.test.ts');
    expect(err.stack).toContain('caused by: Error: EIO: i/o error, read');
    // Something thrown that is not an Error has no stack to write: its text is kept instead.
    expect(internal).toMatchObject({ level: 'error', event: 'internal', err: { type: 'ThrownValue', thrownType: 'string', message: "'a thrown string'", stack: '' } });
  });

  it('has every line on disk when close() resolves, and writes nothing after it', async () => {
    const logsDir = tempDir('log-close');
    const log = await openStationLog(logsDir);
    for (let index = 0; index < 500; index += 1) log.info('ingest.file', { index });
    await log.close();
    log.info('too.late');
    await log.close();

    const lines = onlyFileLines(logsDir);
    expect(lines.map((line) => line.index)).toEqual(Array.from({ length: 500 }, (_, index) => index));
  });

  it('goes on in the newest file after a restart, appending', async () => {
    const logsDir = tempDir('log-restart');
    const first = await openStationLog(logsDir);
    first.info('station.start');
    first.info('station.stop');
    await first.close();
    const second = await openStationLog(logsDir);
    second.info('station.start');
    await second.close();

    expect(onlyFileLines(logsDir).map((line) => line.event)).toEqual(['station.start', 'station.stop', 'station.start']);
  });

  it('refuses a size or count that cannot work', async () => {
    const logsDir = tempDir('log-options');
    await expect(openStationLog(logsDir, { maxBytes: 0 })).rejects.toThrow(RangeError);
    await expect(openStationLog(logsDir, { keep: 1.5 })).rejects.toThrow(RangeError);
  });

  it('nullLog writes nothing and never throws', async () => {
    nullLog.info('station.start', { a: 1 });
    nullLog.error('internal', new Error('ignored'));
    await expect(nullLog.close()).resolves.toBeUndefined();
  });
});
