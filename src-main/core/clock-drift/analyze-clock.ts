import { isoInZone } from '../clock.js';
import { compileNamePatterns, parseRecorderFileName } from '../recorder-names/index.js';
import { findCalibrationCode } from './calibration-code.js';
import { driftFromCalibrationClip, driftFromGps, driftFromStationClock, endsAfterReference, type DriftMeasure } from './drift-bases.js';
import { sequenceGaps, timezoneMismatches } from './name-findings.js';
import { futureRecordings, recordingGaps } from './session-findings.js';
import { timedFile, type TimedFile } from './timed-file.js';
import type { ClockAnalysis, ClockInputFile, ClockReference, FileClock } from './types.js';

export const DEFAULT_TOLERANCE_SECONDS = 30;
export const DEFAULT_RECORDING_GAP_SECONDS = 60;

export interface ClockAnalysisInput {
  files: ClockInputFile[];
  /** A station time no file can end after (the plug-in, or the start of a folder's ingest); null when none is known. */
  reference: ClockReference | null;
  /** The station's zone, e.g. Asia/Shanghai: file-name times are read in it, times are shown in it. */
  zone: string;
  /** Drift beyond this many seconds flags the ingest (a setting). */
  toleranceSeconds?: number;
  /** Pauses longer than this inside a recording session are reported (a setting). */
  recordingGapSeconds?: number;
  /** The administrator's extra file-name patterns. */
  extraNamePatterns?: readonly string[];
  /** The code search; findCalibrationCode unless the caller has its own (another window, a shared decoder). */
  findCode?: typeof findCalibrationCode;
}

const basename = (source: string): string => source.slice(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);

function clockOfFile(file: TimedFile, drift: DriftMeasure | null, zone: string): FileClock {
  const deviceTime = file.startMs === null ? null : isoInZone(file.startMs, zone);
  if (drift === null) return { deviceTime, correctedTime: null, driftSeconds: null, basis: null };
  return {
    deviceTime,
    correctedTime: file.startMs === null ? null : isoInZone(file.startMs - drift.seconds * 1000, zone),
    driftSeconds: drift.seconds,
    basis: drift.basis,
  };
}

/**
 * How far the device's clock was off, how we know, and what the files' times and numbers show
 * for review. One device per ingest, so one drift, applied to every file. The best basis wins:
 * a calibration clip, then GPS time, then the station's clock (a lower bound only).
 */
export async function analyzeClock(input: ClockAnalysisInput): Promise<ClockAnalysis> {
  const extra = input.extraNamePatterns ?? [];
  // An unusable pattern fails the analysis before any video is decoded, with the reason.
  compileNamePatterns(extra);
  const files = input.files.map((f) => timedFile(f, parseRecorderFileName(basename(f.source), extra)));
  const late = endsAfterReference(files, input.reference);

  const drift =
    (await driftFromCalibrationClip(files, input.findCode ?? findCalibrationCode)) ??
    driftFromGps(files) ??
    driftFromStationClock(late, input.reference);

  return {
    files: Object.fromEntries(files.map((f) => [f.source, clockOfFile(f, drift, input.zone)])),
    clockDrift: {
      seconds: drift?.seconds ?? null,
      basis: drift?.basis ?? null,
      exceedsTolerance: drift !== null && Math.abs(drift.seconds) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS),
      evidence: drift?.evidence ?? null,
    },
    findings: [
      ...timezoneMismatches(files, input.zone),
      ...sequenceGaps(files),
      ...recordingGaps(
        files,
        input.recordingGapSeconds ?? DEFAULT_RECORDING_GAP_SECONDS,
        drift?.basis === 'calibration-clip' ? drift.evidence : null,
      ),
      ...futureRecordings(late, input.reference, input.zone),
    ],
  };
}
