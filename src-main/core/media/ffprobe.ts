import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import ffmpeg from 'fluent-ffmpeg';
import { ffprobePath } from '../../../native-tools/binaries.js';

export interface ProbeStream {
  type: 'video' | 'audio' | 'other';
  codec: string | null;
  width: number | null;
  height: number | null;
  /** Cover art inside an audio file: a "video" stream that is not a recording. */
  attachedPicture: boolean;
}

export interface Probe {
  durationSeconds: number | null;
  startSeconds: number | null;
  streams: ProbeStream[];
}

export type ProbeOutcome = { ok: true; probe: Probe } | { ok: false; errors: string[] };

/** What demuxing the last seconds of a file found. */
export interface TailReport {
  packets: number;
  /** Latest end time (pts + duration) of any packet read, in seconds. */
  lastEndSeconds: number | null;
  /** A packet the index places past the end of the file. */
  beyondEndOfFile: boolean;
  errors: string[];
}

const TAIL_TIMEOUT_MS = 60_000;

// `file:` keeps ffprobe from reading a name with a colon as a protocol (concat:, http:, ...).
function ffInput(path: string): string {
  return `file:${resolve(path)}`;
}

function errorLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('ffprobe exited with code'));
}

function finiteOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

let pathSet = false;

/** Streams and format, through fluent-ffmpeg (archived upstream: kept behind this module). */
export function probe(path: string): Promise<ProbeOutcome> {
  if (!pathSet) {
    ffmpeg.setFfprobePath(ffprobePath());
    pathSet = true;
  }
  return new Promise((done) => {
    ffmpeg.ffprobe(ffInput(path), ['-v', 'error'], (error, data) => {
      if (error) {
        done({ ok: false, errors: errorLines(error instanceof Error ? error.message : String(error)) });
        return;
      }
      done({
        ok: true,
        probe: {
          durationSeconds: finiteOrNull(data.format.duration),
          startSeconds: finiteOrNull(data.format.start_time),
          streams: data.streams.map((s) => ({
            type: s.codec_type === 'video' || s.codec_type === 'audio' ? s.codec_type : 'other',
            codec: typeof s.codec_name === 'string' ? s.codec_name : null,
            width: finiteOrNull(s.width),
            height: finiteOrNull(s.height),
            attachedPicture: s.disposition?.attached_pic === 1,
          })),
        },
      });
    });
  });
}

interface PacketEntry {
  pts_time?: string;
  duration_time?: string;
  pos?: string;
  size?: string;
}

/**
 * Demux (not decode) from `fromSeconds` to the end: the cost is a few seconds of data whatever the
 * file's size. fluent-ffmpeg cannot do this: its parser drops packet sections and it hides stderr
 * when ffprobe exits 0, so this runs the same binary directly.
 */
export function probeTail(path: string, fromSeconds: number, fileSize: number): Promise<TailReport> {
  const args = [
    '-v', 'error',
    '-read_intervals', `${fromSeconds.toFixed(3)}%`,
    '-show_entries', 'packet=pts_time,duration_time,pos,size',
    '-of', 'json',
    ffInput(path),
  ];
  return new Promise((done) => {
    execFile(
      ffprobePath(),
      args,
      { timeout: TAIL_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        const errors = errorLines(stderr);
        if (error && errors.length === 0) errors.push(error.message);
        let packets: PacketEntry[] = [];
        try {
          packets = (JSON.parse(stdout || '{}') as { packets?: PacketEntry[] }).packets ?? [];
        } catch {
          errors.push('ffprobe printed output that is not JSON');
        }
        let lastEndSeconds: number | null = null;
        let beyondEndOfFile = false;
        for (const p of packets) {
          const pts = finiteOrNull(p.pts_time);
          if (pts !== null) {
            const end = pts + (finiteOrNull(p.duration_time) ?? 0);
            if (lastEndSeconds === null || end > lastEndSeconds) lastEndSeconds = end;
          }
          const pos = finiteOrNull(p.pos);
          const size = finiteOrNull(p.size);
          if (pos !== null && size !== null && pos + size > fileSize) beyondEndOfFile = true;
        }
        done({ packets: packets.length, lastEndSeconds, beyondEndOfFile, errors });
      },
    );
  });
}
