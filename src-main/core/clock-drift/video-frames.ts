import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ffmpegPath, mediaToolEnv } from '../../../native-tools/binaries.js';
import { streamTool } from '../process/index.js';

export interface FrameSampling {
  /** How much of the start of the video is read. */
  seconds: number;
  /** Frames kept per second of video. */
  perSecond: number;
  /** Every frame is scaled into this box (aspect kept, padded with white) so all have one size. */
  width: number;
  height: number;
  /** Gaussian blur (sigma, in pixels of the scaled frame) applied last; 0 for none. */
  blurSigma: number;
  /** Decode the key frames only (a recorder writes one every second or two): a tenth of the decoding. */
  keyframesOnly?: boolean;
}

export interface SampledFrame {
  /** Position in the video (presentation time), seconds from its start. */
  seconds: number;
  /** width × height bytes of luminance. */
  gray: Uint8Array;
}

/** A video and how to sample it. */
export interface VideoToSample {
  path: string;
  sampling: FrameSampling;
}

// showinfo@vK prints one line per frame leaving video K's filter chain: `[showinfo@v1 @ 0x…] n:   3 pts: 24 pts_time:0.8 ...`.
const SHOWINFO = /^\[showinfo@v(\d+) @ [^\]]*\].*?\bn:\s*(\d+)\s+pts:\s*-?\d+\s+pts_time:(-?[\d.]+)/;

// Before -i: read only the first seconds of the file, and skip the deblocking filter, which costs
// about a fifth of H.264 decoding and changes nothing once frames are scaled down.
function inputArgs({ path, sampling: s }: VideoToSample): string[] {
  return [
    '-t', String(s.seconds),
    '-skip_loop_filter', 'all',
    ...(s.keyframesOnly ? ['-skip_frame', 'nokey'] : []),
    // One decoding thread: a few seconds of footage gain nothing from more, and the threads' own
    // upkeep cost about a tenth of the search's CPU while other cards are copied beside it.
    '-threads', '1',
    // `file:` keeps a name with a colon from being read as a protocol.
    '-i', `file:${resolve(path)}`,
  ];
}

// select (not fps) keeps real frames, so showinfo gives each one's own timestamp, also in
// variable-frame-rate files; the small tolerance absorbs rounding of 25/30 fps timestamps.
function filterChain(index: number, s: FrameSampling): string {
  const every = (1 / s.perSecond - 0.001).toFixed(3);
  const filters = [
    `select='isnan(prev_selected_t)+gte(t-prev_selected_t,${every})'`,
    `scale=${s.width}:${s.height}:force_original_aspect_ratio=decrease:flags=area`,
    `pad=${s.width}:${s.height}:(ow-iw)/2:(oh-ih)/2:color=white`,
    'format=gray',
    ...(s.blurSigma > 0 ? [`gblur=sigma=${s.blurSigma}`] : []),
    `showinfo@v${index}`,
  ];
  return `[${index}:v:0]${filters.join(',')}[v${index}]`;
}

/** Video K's frames go to stdout (K = 0) or to the tool's extra output K (file descriptor K + 2). */
const outputOf = (index: number): string => (index === 0 ? 'pipe:1' : `pipe:${index + 2}`);

function ffmpegArgs(videos: readonly VideoToSample[]): string[] {
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info',
    ...videos.flatMap(inputArgs),
    '-filter_complex', videos.map((video, index) => filterChain(index, video.sampling)).join(';'),
    '-filter_complex_threads', '1',
    // Without it ffmpeg would repeat frames to a constant rate. (-fps_mode is its newer name,
    // unknown to the ffmpeg 4 that the npm package bundles.)
    '-vsync', 'vfr',
    ...videos.flatMap((_, index) => ['-map', `[v${index}]`, '-f', 'rawvideo', '-pix_fmt', 'gray', outputOf(index)]),
  ];
}

/** What one ffmpeg run of several videos gives. */
export interface FramesOfEach {
  /**
   * Each video's frames, in the order given. Read each to its end or leave it early: a video left
   * early is drained (unread frames would block ffmpeg for the others), and once every video is
   * left or read, ffmpeg is stopped. A video ffmpeg gave no frame of throws why it failed.
   */
  videos: AsyncGenerator<SampledFrame>[];
  /** Settles when ffmpeg has ended: null, or its failure (a timeout or an unreadable video ends it for all). */
  failure: Promise<unknown>;
  /** Stops ffmpeg now, whatever is left unread. */
  stop(): Promise<void>;
}

/**
 * Grayscale frames from the first seconds of several videos, decoded by one ffmpeg in its own
 * process: starting Debian's ffmpeg costs about 60 ms of CPU (it loads 215 shared libraries), as
 * much as the decoding of a long recording's five key frames, so a rack's searches share starts.
 */
export function sampleFramesOfEach(videos: readonly VideoToSample[], run: { timeoutMs: number; signal?: AbortSignal }): FramesOfEach {
  const times = videos.map((): number[] => []);
  const wakes = videos.map((): (() => void) | null => null);
  let linesDone = false;
  const notify = (index: number): void => {
    wakes[index]?.();
    wakes[index] = null;
  };
  const ffmpeg = streamTool(ffmpegPath(), ffmpegArgs(videos), {
    name: 'ffmpeg',
    timeoutMs: run.timeoutMs,
    signal: run.signal,
    env: mediaToolEnv(),
    extraOutputs: videos.length - 1,
    onLine: (line) => {
      const m = SHOWINFO.exec(line);
      const frames = m === null ? undefined : times[Number(m[1])];
      if (m === null || frames === undefined) return;
      frames[Number(m[2])] = Number(m[3]);
      notify(Number(m[1]));
    },
  });
  const failure = ffmpeg.finished.then(
    () => null,
    (error: unknown) => error,
  );
  void failure.then(() => {
    linesDone = true;
    videos.forEach((_, index) => notify(index));
  });
  let left = videos.length;
  const leave = (): void => {
    left -= 1;
    if (left === 0) void ffmpeg.stop();
  };

  async function* framesOf(index: number, sampling: FrameSampling, output: Readable): AsyncGenerator<SampledFrame> {
    const frameBytes = sampling.width * sampling.height;
    const known = times[index] ?? [];
    // The pipe and the log lines are read independently: a frame's bytes may come before its showinfo line.
    const timeOf = async (frameIndex: number): Promise<number | null> => {
      while (known[frameIndex] === undefined && !linesDone) await new Promise<void>((go) => (wakes[index] = go));
      return known[frameIndex] ?? null;
    };
    let count = 0;
    let frame = new Uint8Array(frameBytes);
    let filled = 0;
    try {
      for await (const chunk of output.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        for (let offset = 0; offset < chunk.length; ) {
          const take = Math.min(frameBytes - filled, chunk.length - offset);
          frame.set(chunk.subarray(offset, offset + take), filled);
          filled += take;
          offset += take;
          if (filled < frameBytes) continue;
          const seconds = await timeOf(count);
          if (seconds !== null) yield { seconds, gray: frame };
          count += 1;
          frame = new Uint8Array(frameBytes);
          filled = 0;
        }
      }
      // A timeout or a damaged end after some frames still leaves those frames to work with.
      const failed = await failure;
      if (failed !== null && count === 0) throw failed;
    } finally {
      output.resume();
      leave();
    }
  }

  return {
    videos: videos.map((video, index) => framesOf(index, video.sampling, index === 0 ? ffmpeg.stdout : (ffmpeg.extra[index - 1] as Readable))),
    failure,
    stop: () => ffmpeg.stop(),
  };
}
