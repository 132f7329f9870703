import { ExifTool } from 'exiftool-vendored';

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

/**
 * One ExifTool process pool for the whole station. Tags are read raw (no exiftool-vendored date
 * parsing): its zone inference (GPS lookup, the process zone for zoneless dates) would decide
 * what we must decide ourselves, in the station's zone.
 */
export function createExifReader(options: { maxProcs: number }): ExifReader {
  const exiftool = new ExifTool({ maxProcs: options.maxProcs });
  return {
    read: (path, depth) =>
      exiftool.readRaw(path, {
        useMWG: false,
        readArgs: ['-G', '-n', depth === 'photo' ? '-fast2' : '-fast', '-api', 'LargeFileSupport=1'],
      }) as Promise<RawTags>,
    end: () => exiftool.end(),
  };
}
