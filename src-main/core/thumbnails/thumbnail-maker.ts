import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ffmpegPath, mediaToolEnv } from '../../../native-tools/binaries.js';
import { runTool, ToolError } from '../process/index.js';

/** Where a video's frame is taken: a second in, past a black first frame, but inside a short clip. */
const frameAt = (durationSeconds: number | null) => Math.min(1, (durationSeconds ?? 0) / 2);
const width = 160;
const timeoutMs = 30_000;

export interface ThumbnailSource {
  sha256: string;
  path: string;
  durationSeconds: number | null;
}

/**
 * One JPEG frame per video, made once by ffmpeg and kept as `<folder>/<sha256>.jpg`: the hash names
 * the content, so a duplicate found on another card shares its frame. A video ffmpeg cannot
 * draw leaves `<sha256>.none`, so it is not tried again on every scroll. One ffmpeg at a time: the
 * list asks for a screenful at once, and the ingest needs the cores more.
 */
export function createThumbnailMaker(folder: string) {
  let queue: Promise<unknown> = Promise.resolve();
  const inFlight = new Map<string, Promise<string | null>>();

  const exists = (path: string) =>
    fs.stat(path).then(
      () => true,
      () => false,
    );

  async function make(source: ThumbnailSource): Promise<string | null> {
    const target = join(folder, `${source.sha256}.jpg`);
    const none = join(folder, `${source.sha256}.none`);
    if (await exists(target)) return target;
    if (await exists(none)) return null;
    await fs.mkdir(folder, { recursive: true });
    // Written aside and renamed: a reader never sees half a JPEG, a crash leaves no bad cache entry.
    const partial = join(folder, `${source.sha256}.${process.pid}.partial.jpg`);
    try {
      await runTool(
        ffmpegPath(),
        ['-v', 'error', '-y', '-ss', String(frameAt(source.durationSeconds)), '-i', source.path, '-frames:v', '1', '-vf', `scale=${width}:-2`, '-q:v', '5', partial],
        { name: 'ffmpeg', timeoutMs, env: mediaToolEnv() },
      );
      if (!(await exists(partial))) {
        await fs.writeFile(none, '');
        return null;
      }
      await fs.rename(partial, target);
      return target;
    } catch (error) {
      await fs.rm(partial, { force: true });
      // Only ffmpeg's own refusal says the video has no frame to draw; a timeout on a busy machine,
      // a missing binary or too many open files is tried again next time.
      if (error instanceof ToolError && error.failure.kind === 'exit') await fs.writeFile(none, '');
      return null;
    }
  }

  return {
    /** The frame's file, made now if it was never made; null for a video with no frame to show. */
    thumbnail(source: ThumbnailSource): Promise<string | null> {
      const pending = inFlight.get(source.sha256);
      if (pending) return pending;
      const made = queue.then(() => make(source));
      queue = made.catch(() => null);
      const tracked = made.finally(() => inFlight.delete(source.sha256));
      inFlight.set(source.sha256, tracked);
      return tracked;
    },
  };
}
