import { resolve } from 'node:path';
import { ffmpegPath } from '../../../native-tools/binaries.js';
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
  /** ffmpeg is stopped after this long, whatever it is doing. */
  timeoutMs: number;
  /** Decode the key frames only (a recorder writes one every second or two): a tenth of the decoding. */
  keyframesOnly?: boolean;
  /** Aborting stops ffmpeg (the ingest that wanted the frames was cancelled). */
  signal?: AbortSignal;
}

export interface SampledFrame {
  /** Position in the video (presentation time), seconds from its start. */
  seconds: number;
  /** width × height bytes of luminance. */
  gray: Uint8Array;
}

// showinfo prints one line per frame leaving the filter chain: `n:   3 pts: 24 pts_time:0.8 ...`.
const SHOWINFO = /\bn:\s*(\d+)\s+pts:\s*-?\d+\s+pts_time:(-?[\d.]+)/;

function ffmpegArgs(path: string, s: FrameSampling): string[] {
  // select (not fps) keeps real frames, so showinfo gives each one's own timestamp, also in
  // variable-frame-rate files; the small tolerance absorbs rounding of 25/30 fps timestamps.
  const every = (1 / s.perSecond - 0.001).toFixed(3);
  const filters = [
    `select='isnan(prev_selected_t)+gte(t-prev_selected_t,${every})'`,
    `scale=${s.width}:${s.height}:force_original_aspect_ratio=decrease:flags=area`,
    `pad=${s.width}:${s.height}:(ow-iw)/2:(oh-ih)/2:color=white`,
    'format=gray',
    ...(s.blurSigma > 0 ? [`gblur=sigma=${s.blurSigma}`] : []),
    'showinfo',
  ].join(',');
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info',
    // Before -i: read only the first seconds of the file, and skip the deblocking filter, which
    // costs about a fifth of H.264 decoding and changes nothing once frames are scaled down.
    '-t', String(s.seconds),
    '-skip_loop_filter', 'all',
    ...(s.keyframesOnly ? ['-skip_frame', 'nokey'] : []),
    // One decoding thread: a few seconds of footage gain nothing from more, and the threads' own
    // upkeep cost about a tenth of the search's CPU while other cards are copied beside it.
    '-threads', '1',
    // `file:` keeps a name with a colon from being read as a protocol.
    '-i', `file:${resolve(path)}`,
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', filters,
    // Without it ffmpeg would repeat frames to a constant rate. (-fps_mode is its newer name,
    // unknown to the ffmpeg 4 that the npm package bundles.)
    '-vsync', 'vfr',
    '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1',
  ];
}

/**
 * Grayscale frames from the first seconds of a video, decoded by ffmpeg in its own process.
 * Leaving the loop early stops ffmpeg. Throws ToolError when ffmpeg cannot read the video at all
 * (or gives no frame before its timeout); once frames came, an early end just ends the frames.
 */
export async function* sampleFrames(path: string, sampling: FrameSampling): AsyncGenerator<SampledFrame> {
  const frameBytes = sampling.width * sampling.height;
  const times: number[] = [];
  let wake: (() => void) | null = null;
  let linesDone = false;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const ffmpeg = streamTool(ffmpegPath(), ffmpegArgs(path, sampling), {
    name: 'ffmpeg',
    timeoutMs: sampling.timeoutMs,
    signal: sampling.signal,
    onLine: (line) => {
      const m = SHOWINFO.exec(line);
      if (m === null) return;
      times[Number(m[1])] = Number(m[2]);
      notify();
    },
  });
  const ended = ffmpeg.finished.then(
    () => null,
    (error: unknown) => error,
  );
  void ended.then(() => {
    linesDone = true;
    notify();
  });
  // The two pipes are read independently: a frame's bytes may arrive before its showinfo line.
  const timeOf = async (index: number): Promise<number | null> => {
    while (times[index] === undefined && !linesDone) await new Promise<void>((go) => (wake = go));
    return times[index] ?? null;
  };

  let index = 0;
  let frame = new Uint8Array(frameBytes);
  let filled = 0;
  try {
    for await (const chunk of ffmpeg.stdout as AsyncIterable<Buffer>) {
      for (let offset = 0; offset < chunk.length; ) {
        const take = Math.min(frameBytes - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled < frameBytes) continue;
        const seconds = await timeOf(index);
        if (seconds !== null) yield { seconds, gray: frame };
        index += 1;
        frame = new Uint8Array(frameBytes);
        filled = 0;
      }
    }
    // A timeout or a damaged end after some frames still leaves those frames to work with.
    const failure = await ended;
    if (failure !== null && index === 0) throw failure;
  } finally {
    await ffmpeg.stop();
  }
}
