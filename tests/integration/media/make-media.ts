import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { ExifTool, type WriteTags } from 'exiftool-vendored';
import { ffmpegPath } from '../../../native-tools/binaries.js';

const run = promisify(execFile);

/** Runs ffmpeg quietly, overwriting the output. */
export async function ffmpeg(...args: string[]): Promise<void> {
  await run(ffmpegPath(), ['-v', 'error', '-y', ...args]);
}

/** A recorder-like clip: 320x240 test pattern at 25 fps with a tone, one keyframe a second. */
export async function makeVideo(path: string, seconds: number, extra: string[] = []): Promise<void> {
  await ffmpeg(
    '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x240:rate=25`,
    '-f', 'lavfi', '-i', `sine=duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-c:a', 'aac',
    ...extra, path,
  );
}

export async function makeJpeg(path: string): Promise<void> {
  await ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=320x240', '-frames:v', '1', path);
}

/** Keeps the first `fraction` of a file, as a recorder that lost power mid-write leaves it. */
export async function truncate(source: string, target: string, fraction: number): Promise<void> {
  const data = await readFile(source);
  await writeFile(target, data.subarray(0, Math.floor(data.length * fraction)));
}

/** Writes metadata with exiftool, as a camera would have; its own process, ended by the caller. */
export function createTagWriter(): { write(path: string, tags: WriteTags): Promise<void>; end(): Promise<void> } {
  const exiftool = new ExifTool({ maxProcs: 1 });
  return {
    write: async (path, tags) => {
      await exiftool.write(path, tags, { writeArgs: ['-overwrite_original'], useMWG: false });
    },
    end: () => exiftool.end(),
  };
}
