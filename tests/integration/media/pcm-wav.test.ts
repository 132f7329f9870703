// Uncompressed WAV files are judged from their own header, not by ffprobe: every variant ffmpeg
// writes must come out as ffprobe reads it, anything else must be left to ffprobe, and a cut file
// must be told from a whole one.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, truncate as truncateFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe } from '../../../src-main/core/media/ffprobe.js';
import { createMediaInspector, type MediaInspector } from '../../../src-main/core/media/inspector.js';
import { readPcmWav } from '../../../src-main/core/media/pcm-wav.js';
import { ffmpeg, truncate } from './make-media.js';
import { ffmpegPath } from '../../../native-tools/binaries.js';

let dir: string;
let inspector: MediaInspector;
const file = (name: string): string => join(dir, name);

// [file, ffmpeg's options for it]: the sample formats a recorder or an editor writes, with the
// chunks ffmpeg adds (LIST, bext) and WAVE_FORMAT_EXTENSIBLE (more than two channels, or 24 bits).
const variants: [string, string[]][] = [
  ['s16-mono.wav', []],
  ['s16-stereo-bext.wav', ['-ac', '2', '-write_bext', '1', '-metadata', 'origination_date=2026-11-26']],
  ['u8.wav', ['-c:a', 'pcm_u8']],
  ['s24.wav', ['-c:a', 'pcm_s24le']],
  ['s32-4ch.wav', ['-c:a', 'pcm_s32le', '-ac', '4']],
  ['f32.wav', ['-c:a', 'pcm_f32le']],
  ['f64.wav', ['-c:a', 'pcm_f64le']],
  ['alaw.wav', ['-c:a', 'pcm_alaw', '-ar', '8000']],
  ['mulaw.wav', ['-c:a', 'pcm_mulaw', '-ar', '8000']],
];

const tone = (seconds: number): string[] => ['-f', 'lavfi', '-i', `sine=duration=${seconds}:sample_rate=44100`];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pcm-wav-'));
  inspector = createMediaInspector({ zone: 'Asia/Shanghai', maxProcs: 1 });
  for (const [name, options] of variants) await ffmpeg(...tone(3), ...options, file(name));
  await ffmpeg(...tone(3), '-c:a', 'adpcm_ima_wav', file('adpcm.wav'));
  await ffmpeg(...tone(3), '-rf64', 'always', file('rf64.wav'));
  await truncate(file('s16-stereo-bext.wav'), file('cut.wav'), 0.5);
  // Written to a pipe, ffmpeg cannot come back to fill in the sizes: the data runs to the end.
  const { stdout } = await promisify(execFile)(ffmpegPath(), ['-v', 'error', ...tone(2), '-f', 'wav', 'pipe:1'], { encoding: 'buffer' });
  await writeFile(file('unsized.wav'), stdout);
});

afterAll(async () => {
  await inspector?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an uncompressed WAV', () => {
  it.each(variants.map(([name]) => name))('%s: the same codec and length as ffprobe reads', async (name) => {
    const wav = await readPcmWav(file(name));
    const probed = await probe(file(name));
    if (!probed.ok) throw new Error(probed.errors.join('\n'));
    expect(wav?.codec).toBe(probed.probe.streams[0]?.codec);
    expect(wav?.declaredSeconds).toBeCloseTo(probed.probe.durationSeconds ?? NaN, 4);
    expect(wav?.heldSeconds).toBe(wav?.declaredSeconds);
  });

  it('whole, is readable with its length and codec', async () => {
    const m = await inspector.inspect(file('s16-stereo-bext.wav'));
    expect(m).toMatchObject({ kind: 'audio', codec: 'pcm_s16le', readable: true, problem: null });
    expect(m.durationSeconds).toBeCloseTo(3, 3);
  });

  it('cut in half, is cut short: it declares three seconds and plays one and a half', async () => {
    const m = await inspector.inspect(file('cut.wav'));
    expect(m).toMatchObject({ kind: 'audio', codec: 'pcm_s16le', readable: false });
    expect(m.durationSeconds).toBeCloseTo(3, 3);
    expect(m.problem?.code).toBe('cut-short');
    expect(m.problem?.playsSeconds).toBeGreaterThan(1.3);
    expect(m.problem?.playsSeconds).toBeLessThan(1.5);
    expect(m.problem?.text).toBe(`The data stops at ${m.problem?.playsSeconds?.toFixed(1)} s although the file declares 3.0 s: the recording was cut short.`);
  });

  it('whose writer never filled in its sizes, runs to the end of the file', async () => {
    const wav = await readPcmWav(file('unsized.wav'));
    const bytes = await readFile(file('unsized.wav'));
    expect(bytes.readUInt32LE(bytes.indexOf('data') + 4)).toBe(0xffffffff);
    expect(wav).toMatchObject({ codec: 'pcm_s16le' });
    expect(wav?.declaredSeconds).toBeCloseTo(2, 3);
    expect((await inspector.inspect(file('unsized.wav'))).readable).toBe(true);
  });
});

describe('left to ffprobe', () => {
  it.each(['adpcm.wav', 'rf64.wav'])('%s: not plain samples in a RIFF header', async (name) => {
    expect(await readPcmWav(file(name))).toBeNull();
  });

  it('compressed audio in a WAV is still described, by ffprobe', async () => {
    const m = await inspector.inspect(file('adpcm.wav'));
    expect(m).toMatchObject({ kind: 'audio', codec: 'adpcm_ima_wav', readable: true });
    expect(m.durationSeconds).toBeCloseTo(3, 1);
  });

  it('a header with its data before its format', async () => {
    const whole = await readFile(file('s16-mono.wav'));
    const fmtAt = whole.indexOf('fmt ');
    const dataAt = whole.indexOf('data');
    const fmt = whole.subarray(fmtAt, fmtAt + 8 + whole.readUInt32LE(fmtAt + 4));
    const swapped = Buffer.concat([whole.subarray(0, 12), whole.subarray(dataAt), fmt]);
    await writeFile(file('data-first.wav'), swapped);
    expect(await readPcmWav(file('data-first.wav'))).toBeNull();
  });

  it('a format chunk ffprobe names otherwise: samples narrower than their container, or a sub-format not standard', async () => {
    const whole = await readFile(file('s32-4ch.wav'));
    const fmt = whole.indexOf('fmt ') + 8;
    expect(whole.readUInt16LE(fmt)).toBe(0xfffe);
    expect(await readPcmWav(file('s32-4ch.wav'))).not.toBeNull();
    const narrower = Buffer.from(whole);
    narrower.writeUInt16LE(24, fmt + 18);
    await writeFile(file('24-in-32.wav'), narrower);
    expect(await readPcmWav(file('24-in-32.wav'))).toBeNull();
    const foreign = Buffer.from(whole);
    foreign.writeUInt8(foreign.readUInt8(fmt + 39) ^ 0xff, fmt + 39);
    await writeFile(file('foreign-guid.wav'), foreign);
    expect(await readPcmWav(file('foreign-guid.wav'))).toBeNull();
  });

  it('a plain RIFF over 4 GiB, whose sizes have wrapped (sparse: no disk used)', async () => {
    const big = file('over-4-gib.wav');
    await copyFile(file('s16-mono.wav'), big);
    await truncateFile(big, 2 ** 32 + 44);
    expect(await readPcmWav(big)).toBeNull();
    await rm(big);
  });

  it('a file that is not RIFF at all', async () => {
    await writeFile(file('not.wav'), 'this is not audio\n');
    expect(await readPcmWav(file('not.wav'))).toBeNull();
  });
});
