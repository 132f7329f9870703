import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEntry } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/**
 * Libraries that cost tens to hundreds of ms of CPU to load (exceljs alone about 170): each is
 * loaded by the one function that uses it, so a start that does not use it never pays for it.
 */
const heavy = ['exceljs', 'pdfkit', 'qrcode', 'archiver', 'exiftool-vendored', 'pino'];

/** A preload that writes, at exit, the name of every package under node_modules the process loaded (import or require). */
const tracer = `
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const loaded = new Set();
registerHooks({
  load(url, context, next) {
    const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(url)?.[1];
    if (name) loaded.add(name);
    return next(url, context);
  },
});
process.on('exit', () => writeFileSync(process.env.LOADED_LIST, JSON.stringify([...loaded])));
`;

function packagesLoaded(args: string[]): string[] {
  const dir = tempDir('start-loads');
  const tracerPath = join(dir, 'tracer.mjs');
  const list = join(dir, 'loaded.json');
  writeFileSync(tracerPath, tracer);
  const result = spawnSync(process.execPath, ['--import', tracerPath, cliEntry, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', LOADED_LIST: list },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(readFileSync(list, 'utf8')) as string[];
}

describe('starting the station CLI', () => {
  it('for --help loads none of the heavy libraries', () => {
    const loaded = packagesLoaded(['--help']);
    expect(heavy.filter((name) => loaded.includes(name))).toEqual([]);
  });

  it('to list the recordings of a new data folder loads the database, and of the heavy libraries only the log', () => {
    const loaded = packagesLoaded(['--data', join(tempDir('start-loads-data'), 'data'), 'recordings', '--json']);
    // The tracer sees packages at all: the database is one.
    expect(loaded).toContain('better-sqlite3');
    // A writable data folder opens the station's log, which is written through pino.
    expect(heavy.filter((name) => loaded.includes(name))).toEqual(['pino']);
  });
});
