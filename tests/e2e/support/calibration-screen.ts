import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { readQr } from '../../helpers/qr.js';

const run = promisify(execFile);

export interface CalibrationFrame {
  width: number;
  height: number;
  /** One byte of luminance per pixel of the code's canvas, row by row. */
  gray: Buffer;
  /** The clock face drawn in the same animation frame as the code. */
  date: string;
  time: string;
}

/** Waits until the page draws the clock again, so the frame read next was drawn after this call. */
export async function waitForFreshFrame(page: Page): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    const face = document.querySelector('[data-testid="calibration-time"]');
    const drawn = face.textContent;
    const look = () => (face.textContent !== drawn ? resolve(undefined) : requestAnimationFrame(look));
    look();
  })`);
}

/** The canvas pixels and the figures beside them, read in one go inside the page (no frame between). */
export async function readCalibrationFrame(page: Page): Promise<CalibrationFrame> {
  const read = (await page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid="calibration-qr"]');
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const gray = new Uint8Array(width * height);
    for (let i = 0; i < gray.length; i += 1) gray[i] = data[i * 4];
    let binary = '';
    for (let i = 0; i < gray.length; i += 0x8000) binary += String.fromCharCode.apply(null, gray.subarray(i, i + 0x8000));
    return {
      width, height, gray: btoa(binary),
      date: document.querySelector('[data-testid="calibration-date"]').textContent,
      time: document.querySelector('[data-testid="calibration-time"]').textContent,
    };
  })()`)) as { width: number; height: number; gray: string; date: string; time: string };
  return { ...read, gray: Buffer.from(read.gray, 'base64') };
}

export const decodeFrame = (frame: CalibrationFrame): string | null => readQr(frame);

/**
 * Lets `ms` pass, then two animation frames, so whatever the page draws on every frame has been drawn
 * at least once since: however slow the machine, a code read next is never older than the pause.
 */
export async function pauseThenTwoFrames(page: Page, ms: number): Promise<void> {
  await page.evaluate(`new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), ${ms}))`);
}

/**
 * What a recorder held up to the screen records: two seconds of that frame, in a 720p picture, the
 * recorder's own clock written as the file's creation time.
 */
export async function filmFrame(frame: CalibrationFrame, creationTime: string, target: string): Promise<void> {
  const raw = `${target}.gray`;
  const frames = 20;
  await writeFile(raw, Buffer.concat(Array.from({ length: frames }, () => frame.gray)));
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${frame.width}x${frame.height}`, '-framerate', '10', '-i', raw,
    '-vf', 'scale=600:600:flags=neighbor,pad=1280:720:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-metadata', `creation_time=${creationTime}`, target,
  ]);
  await rm(raw, { force: true });
}
