import type { DiscChecks, DiscCopyName, DiscPhase, DiscProgress } from '../../contract/index.js';
import { JobState, ProgressTracker, type Transitions } from '../jobs/index.js';
import { BurnError, type DiscBurner, type RunTool } from '../../../native-tools/disc-burners/index.js';
import { checkManifest, checkMd5, readBackSha256 } from './copy-checks.js';
import type { DiscImage } from './disc-image.js';

/** A copy's job: burn (from the image) then the three checks, or the checks alone for a re-check. */
type CopyState = DiscPhase | 'done' | 'failed' | 'cancelled';

const transitions: Transitions<CopyState> = {
  imaging: ['burning', 'failed', 'cancelled'],
  burning: ['reading', 'failed', 'cancelled'],
  reading: ['md5', 'failed', 'cancelled'],
  md5: ['manifest', 'failed', 'cancelled'],
  manifest: ['done', 'failed', 'cancelled'],
  done: [],
  failed: [],
  cancelled: [],
};

export interface CopyJobEnv {
  run: RunTool;
  burner: DiscBurner;
  emit: (progress: DiscProgress) => void;
}

export interface CopyJobInput {
  discId: string;
  copy: DiscCopyName;
  drive: string;
  /** For a burn: builds or finds the image. Absent for a re-check, which reads against what is recorded. */
  image?: (options: { signal: AbortSignal; onBytes: (bytes: number) => void }) => Promise<DiscImage>;
  recorded?: { sha256: string; bytes: number };
  /** Bytes of footage, for the imaging and manifest progress. */
  payloadBytes: number;
  manifest: readonly { path: string; sha256: string }[];
  signal: AbortSignal;
}

/** A job runs all three checks, so each passed or failed: never the null the contract allows. */
export type CopyChecks = { [K in keyof DiscChecks]: boolean };

export interface CopyOutcome {
  imageSha256: string;
  bytes: number;
  checks: CopyChecks;
  readSha256: string | null;
  /** What went wrong, in the station's words; null when all three checks passed. */
  problem: string | null;
}

/** A copy job that ended without its checks: cancelled, or failed on the way (`reason`). */
export class CopyStopped extends Error {
  constructor(
    readonly cancelled: boolean,
    /** True once the burner began writing: the medium is no longer blank. */
    readonly written: boolean,
    readonly reason: unknown,
  ) {
    super(cancelled ? 'cancelled' : reason instanceof Error ? reason.message : String(reason));
  }
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs one copy through its states, reporting each phase's progress (speed and time left) about
 * four times a second. A BurnError before writing (no disc, full, wrong medium) is thrown as is:
 * nothing was written and the copy stays as it was. After writing, every check runs even when one
 * fails, so the register says exactly what held and what did not.
 */
export async function runCopyJob(env: CopyJobEnv, input: CopyJobInput): Promise<CopyOutcome> {
  const { signal } = input;
  const state = new JobState<CopyState>(`disc ${input.discId} copy ${input.copy}`, input.image ? 'imaging' : 'reading', transitions);
  let written = false;
  const phase = async <T>(name: DiscPhase, total: number, work: (onBytes: (bytes: number) => void) => Promise<T>): Promise<T> => {
    if (state.value !== name) state.to(name);
    const tracker = new ProgressTracker<DiscPhase>(name, (progress) =>
      env.emit({ discId: input.discId, copy: input.copy, phase: name, bytesDone: progress.bytesDone, bytesTotal: progress.bytesTotal, bytesPerSecond: progress.bytesPerSecond, secondsLeft: progress.secondsLeft }),
    );
    tracker.update({ bytesTotal: total });
    tracker.start();
    let seen = 0;
    try {
      return await work((bytes) => {
        tracker.addBytes(Math.max(0, bytes - seen));
        seen = Math.max(seen, bytes);
      });
    } finally {
      tracker.stop();
    }
  };
  const cancelled = () => {
    if (!state.ended) state.to('cancelled');
    return new CopyStopped(true, written, null);
  };
  try {
    let image: { sha256: string; bytes: number };
    if (input.image) {
      const build = input.image;
      const built = await phase('imaging', input.payloadBytes, (onBytes) => build({ signal, onBytes }));
      image = built;
      await phase('burning', built.bytes, (onBytes) =>
        env.burner.burn(env.run, {
          image: built.path,
          bytes: built.bytes,
          drive: input.drive,
          signal,
          onBytes: (bytes) => {
            written = true;
            onBytes(bytes);
          },
        }),
      );
      written = true;
    } else if (input.recorded) {
      image = input.recorded;
    } else {
      throw new Error('a copy job needs an image or a recorded image to check against');
    }
    const problems: string[] = [];
    const attempt = async <T>(what: string, work: () => Promise<T>): Promise<T | null> => {
      try {
        return await work();
      } catch (error) {
        if (signal.aborted) throw cancelled();
        problems.push(`${what}: ${reason(error)}`);
        return null;
      }
    };
    const readSha256 = await phase('reading', image.bytes, (onBytes) => attempt('reading the image back', () => readBackSha256(input.drive, image.bytes, { signal, onBytes })));
    const imageOk = readSha256 === null ? false : readSha256 === image.sha256;
    if (readSha256 !== null && !imageOk) problems.push(`the image read back has SHA-256 ${readSha256}, not ${image.sha256}`);
    const md5 = await phase('md5', image.bytes, () => attempt('the MD5 check', () => checkMd5(input.drive, signal)));
    if (md5 && !md5.ok) problems.push(...md5.problems.map((problem) => `MD5: ${problem}`));
    const manifest = await phase('manifest', input.payloadBytes, (onBytes) => attempt('the manifest check', () => checkManifest(input.drive, input.manifest, { signal, onBytes })));
    if (manifest && !manifest.ok) problems.push(...manifest.problems.map((problem) => `manifest: ${problem}`));
    const checks: CopyChecks = { image: imageOk, md5: md5 === null ? false : md5.ok, manifest: manifest === null ? false : manifest.ok };
    state.to(problems.length === 0 ? 'done' : 'failed');
    return { imageSha256: image.sha256, bytes: image.bytes, checks, readSha256, problem: problems.length === 0 ? null : problems.join('; ') };
  } catch (error) {
    if (error instanceof CopyStopped) throw error;
    if (signal.aborted || (error instanceof BurnError && error.failure === 'cancelled')) throw cancelled();
    if (!state.ended) state.to('failed');
    throw new CopyStopped(false, written, error);
  }
}
