import { resolve } from 'node:path';
import { ffprobePath, mediaToolEnv } from '../../../native-tools/binaries.js';
import { runTool, ToolError } from '../process/index.js';

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

/** The packets from `fromSeconds` to the end, read in the same ffprobe run as the streams. */
export interface ReadTail {
  fromSeconds: number;
  report: TailReport;
}

export type ProbeOutcome = { ok: true; probe: Probe; tail: ReadTail | null } | { ok: false; errors: string[] };

/** What demuxing the last seconds of a file found. */
export interface TailReport {
  packets: number;
  /** Latest end time (pts + duration) of any packet read, in seconds. */
  lastEndSeconds: number | null;
  /** A packet the index places past the end of the file. */
  beyondEndOfFile: boolean;
  errors: string[];
}

// A healthy file answers in well under a second; a minute leaves room for a slow card on a busy
// station and still frees an ingest from an ffprobe that hangs on a damaged file.
const PROBE_TIMEOUT_MS = 60_000;
const TAIL_TIMEOUT_MS = 60_000;
// Format and streams: small, unless a file carries thousands of streams or huge tags.
const PROBE_MAX_STDOUT_BYTES = 16 * 1024 * 1024;
// A packet listing is about 100 bytes a packet: three seconds of a high-rate file stay far below.
const TAIL_MAX_STDOUT_BYTES = 64 * 1024 * 1024;

// `file:` keeps ffprobe from reading a name with a colon as a protocol (concat:, http:, ...).
function ffInput(path: string): string {
  return `file:${resolve(path)}`;
}

function errorLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function finiteOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

interface ProbeJson {
  format?: { duration?: unknown; start_time?: unknown };
  streams?: Array<{
    codec_type?: unknown;
    codec_name?: unknown;
    width?: unknown;
    height?: unknown;
    disposition?: { attached_pic?: unknown };
  }>;
}

function probeFromJson(json: ProbeJson): Probe {
  return {
    durationSeconds: finiteOrNull(json.format?.duration),
    startSeconds: finiteOrNull(json.format?.start_time),
    streams: (json.streams ?? []).map((s) => ({
      type: s.codec_type === 'video' || s.codec_type === 'audio' ? s.codec_type : 'other',
      codec: typeof s.codec_name === 'string' ? s.codec_name : null,
      width: finiteOrNull(s.width),
      height: finiteOrNull(s.height),
      attachedPicture: s.disposition?.attached_pic === 1,
    })),
  };
}

/**
 * What ffprobe said when it failed. A plain non-zero exit is told by its stderr alone (as ffprobe
 * words it); a kill, timeout or failed start puts that reason first.
 */
function failureLines(error: ToolError): string[] {
  const lines = errorLines(error.stderr);
  return error.failure.kind === 'exit' ? lines : [error.reason, ...lines];
}

const PACKET_ENTRIES = ['-show_entries', 'packet=pts_time,duration_time,pos,size'];
// To the end of the file, said as "a day on": the static ffprobe 6 build bundled for stations
// without their own returns no packet at all for an interval left open (`40%`).
const intervalFrom = (seconds: number): string => `${seconds.toFixed(3)}%+86400`;

/**
 * Streams and format: `ffprobe -show_format -show_streams` as JSON. With `tail` (where the end is
 * expected to be, from the file's own tags) the same run also demuxes from there to the end, as
 * probeTail does: one ffprobe start instead of two per recording. A run that fails is repeated
 * without the tail (and the header-only reading below), so a file that will not open is judged by
 * the plain probe's words alone.
 *
 * `streamsInHeader`: the container's header lists every stream with its codec and size (an
 * MP4/MOV movie header, which exiftool has read). ffprobe then skips decoding the first frames to
 * learn what the header already says (profile and pixel format, which the station does not keep):
 * half of its 42 ms on a recorder's 200 MB MP4. Elsewhere (MPEG-TS, AVI) those frames are how it
 * finds the streams at all.
 */
export async function probe(path: string, tail: { fromSeconds: number; fileSize: number } | null = null, streamsInHeader = false): Promise<ProbeOutcome> {
  const tailArgs = tail === null ? [] : ['-read_intervals', intervalFrom(tail.fromSeconds), ...PACKET_ENTRIES];
  const headerOnly = streamsInHeader ? ['-probesize', '32'] : [];
  // Whether a failure is asked again of the plain probe, so that its words judge the file.
  const plainAskedAgain = tail !== null || streamsInHeader;
  const args = ['-v', 'error', ...headerOnly, ...tailArgs, '-show_format', '-show_streams', '-of', 'json', ffInput(path)];
  let output: { stdout: string; stderr: string };
  try {
    const maxStdoutBytes = PROBE_MAX_STDOUT_BYTES + (tail === null ? 0 : TAIL_MAX_STDOUT_BYTES);
    output = await runTool(ffprobePath(), args, { name: 'ffprobe', timeoutMs: PROBE_TIMEOUT_MS, maxStdoutBytes, env: mediaToolEnv() });
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    if (plainAskedAgain) return probe(path, null);
    return { ok: false, errors: failureLines(error) };
  }
  let json: ProbeJson & PacketsJson;
  try {
    json = JSON.parse(output.stdout) as ProbeJson & PacketsJson;
  } catch {
    if (plainAskedAgain) return probe(path, null);
    return { ok: false, errors: ['ffprobe printed output that is not JSON'] };
  }
  const read = tail === null ? null : { fromSeconds: tail.fromSeconds, report: tailReport(json.packets ?? [], errorLines(output.stderr), tail.fileSize) };
  return { ok: true, probe: probeFromJson(json), tail: read };
}

interface PacketEntry {
  pts_time?: string;
  duration_time?: string;
  pos?: string;
  size?: string;
}

interface PacketsJson {
  packets?: PacketEntry[];
}

function tailReport(packets: PacketEntry[], errors: string[], fileSize: number): TailReport {
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
  return { packets: packets.length, lastEndSeconds, beyondEndOfFile, errors };
}

/**
 * Demux (not decode) from `fromSeconds` to the end: the cost is a few seconds of data whatever the
 * file's size. What ffprobe prints on stderr counts even when it exits 0: a demuxer reports data that
 * ends early there.
 */
export async function probeTail(path: string, fromSeconds: number, fileSize: number): Promise<TailReport> {
  const args = ['-v', 'error', '-read_intervals', intervalFrom(fromSeconds), ...PACKET_ENTRIES, '-of', 'json', ffInput(path)];
  let output: { stdout: string; stderr: string };
  let failure: ToolError | null = null;
  try {
    output = await runTool(ffprobePath(), args, { name: 'ffprobe', timeoutMs: TAIL_TIMEOUT_MS, maxStdoutBytes: TAIL_MAX_STDOUT_BYTES, env: mediaToolEnv() });
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    failure = error;
    output = error;
  }
  const errors = errorLines(output.stderr);
  if (failure && errors.length === 0) errors.push(failure.message);
  let packets: PacketEntry[] = [];
  try {
    packets = (JSON.parse(output.stdout || '{}') as PacketsJson).packets ?? [];
  } catch {
    errors.push('ffprobe printed output that is not JSON');
  }
  return tailReport(packets, errors, fileSize);
}
