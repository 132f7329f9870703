import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ExifTool } from 'exiftool-vendored';
import { spawnDyingWithStation, toolsDieWithStation } from '../process/index.js';

/** exiftool's own output, keyed `Group:Tag` (family-0 groups, e.g. `EXIF:DateTimeOriginal`). */
export type RawTags = Readonly<Record<string, unknown>>;

/**
 * How much of the file exiftool may skip.
 * - `photo`: `-fast2` also skips maker notes, which we never show.
 * - `media`: `-fast` only. `-fast2` stops at the first `mdat` atom, and recorders write `moov`
 *   (with `QuickTime:CreateDate`) after the data: with `-fast2` a normal recorder MP4 has no date.
 */
export type ReadDepth = 'photo' | 'media';

export interface ExifReader {
  read(path: string, depth: ReadDepth): Promise<RawTags>;
  end(): Promise<void>;
}

type ExiftoolVendored = typeof import('exiftool-vendored');

/**
 * One ExifTool process pool for the whole station. Tags are read raw (no exiftool-vendored date
 * parsing): its zone inference (GPS lookup, the process zone for zoneless dates) would decide
 * what we must decide ourselves, in the station's zone.
 *
 * The pool is made on the first read, not here: exiftool-vendored costs about 30 ms of CPU to
 * load, which a start that reads no file (station --help, a listing) need not pay. It starts no
 * exiftool before its first read either way.
 */
export function createExifReader(options: { maxProcs: number }): ExifReader {
  let pool: Promise<ExifTool> | undefined;
  const openPool = () =>
    (pool ??= import('exiftool-vendored').then((vendored) => {
      const processFactory = orphanProofFactory(vendored);
      return new vendored.ExifTool({ maxProcs: options.maxProcs, ...(processFactory ? { processFactory } : {}) });
    }));
  return {
    read: async (path, depth) =>
      (await openPool()).readRaw(path, {
        useMWG: false,
        readArgs: ['-G', '-n', depth === 'photo' ? '-fast2' : '-fast', '-api', 'LargeFileSupport=1'],
      }) as Promise<RawTags>,
    // A reader that never read has no pool to end.
    end: async () => {
      if (pool) await (await pool).end();
    },
  };
}

/**
 * exiftool in `-stay_open` mode does not exit when its stdin closes, so a station that crashes or is
 * killed would leave its exiftool processes running for good. Where the process runner can tie a
 * tool's life to the station's (Linux with setpriv) the pool starts exiftool through it; elsewhere
 * (or without /usr/bin/perl, which the vendored script's first line names) exiftool-vendored starts
 * them as usual. The pool itself (how many, restarts, stdin protocol) stays exiftool-vendored's.
 */
function orphanProofFactory({ DefaultExiftoolArgs, exiftoolPath }: ExiftoolVendored): (() => Promise<ChildProcess>) | null {
  if (!toolsDieWithStation() || !existsSync('/usr/bin/perl')) return null;
  return async () =>
    spawnDyingWithStation(await exiftoolPath(), DefaultExiftoolArgs, {
      stdio: 'pipe',
      env: { LANG: 'C', ...(process.env.EXIFTOOL_HOME ? { EXIFTOOL_HOME: process.env.EXIFTOOL_HOME } : {}) },
    });
}
