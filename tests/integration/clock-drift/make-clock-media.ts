import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { stationClockText } from '../../../src-main/core/clock-drift/station-clock-code.js';
import { ffmpeg } from '../media/make-media.js';

const FPS = 10;

export interface CalibrationClip {
  /** The station's true time at the first frame (whole seconds: MP4 creation times have no fraction). */
  trueStartMs: number;
  /** How far the recorder's clock is ahead: its creation time is trueStart + drift. */
  driftSeconds: number;
  seconds: number;
  /** Frames before this show a QR code with other text, as a screen still loading would. */
  codeFromSeconds?: number;
  /** Picture size; the code is a 400-pixel square in the middle. */
  size?: string;
  /** A key frame every this many frames (a recorder writes one a second or two); x264's default (250) otherwise. */
  keyframeEvery?: number;
}

/**
 * A recorder's film of the station's calibration screen: ten frames a second, each showing the
 * code of the true time of that frame (the screen refreshes ten times a second).
 */
export async function makeCalibrationClip(path: string, clip: CalibrationClip): Promise<void> {
  const frames = await mkdtemp(join(tmpdir(), 'calibration-frames-'));
  const size = clip.size ?? '1280x720';
  const [width, height] = size.split('x');
  try {
    for (let k = 0; k < clip.seconds * FPS; k += 1) {
      const text = k < (clip.codeFromSeconds ?? 0) * FPS ? 'https://example.org/not-the-station-clock' : stationClockText(clip.trueStartMs + k * (1000 / FPS));
      await QRCode.toFile(join(frames, `${String(k).padStart(4, '0')}.png`), text, { width: 400, margin: 4 });
    }
    const creation = new Date(clip.trueStartMs + clip.driftSeconds * 1000).toISOString();
    await ffmpeg(
      '-framerate', String(FPS), '-i', join(frames, '%04d.png'),
      '-vf', `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p`,
      '-c:v', 'libx264', '-preset', 'ultrafast', ...(clip.keyframeEvery ? ['-g', String(clip.keyframeEvery)] : []), '-metadata', `creation_time=${creation}`, path,
    );
  } finally {
    await rm(frames, { recursive: true, force: true });
  }
}

/** A recorder-like clip without any code, at a recorder's size and rate. */
export async function makePlainVideo(path: string, options: { seconds: number; creationTime: string; size?: string; rate?: number }): Promise<void> {
  await ffmpeg(
    '-f', 'lavfi', '-i', `testsrc2=duration=${options.seconds}:size=${options.size ?? '320x240'}:rate=${options.rate ?? 25}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-metadata', `creation_time=${options.creationTime}`, path,
  );
}
