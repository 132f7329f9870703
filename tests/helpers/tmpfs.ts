import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { onTestFinished } from 'vitest';

/**
 * Why a test that mounts a tmpfs cannot run here, or null. Under CI=true a missing feature throws:
 * CI must run these tests, not skip them.
 */
export function tmpfsUnavailable(purpose: string): string | null {
  const reason = process.getuid?.() === 0 ? null : `needs root to mount a tmpfs ${purpose}`;
  if (reason && process.env.CI === 'true') throw new Error(`CI must run this test: ${reason}`);
  return reason;
}

/** Mounts a tmpfs (`size=…` and other options) at `dir` for the running test; unmounted when it ends. */
export function mountTmpfs(dir: string, options: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  onTestFinished(() => {
    execFileSync('umount', ['-l', dir]);
  });
}
