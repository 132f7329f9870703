// Imports node builtins only, so scripts/bench.mjs can load this file directly (Node 24 strips the types).
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The tools a simulated removable volume needs: loop device, exFAT over FUSE, blkio throttling. */
const tools = ['losetup', 'mkfs.exfat', 'mount.exfat-fuse'] as const;

// Tests may run with a PATH that lacks the sbin folders these tools live in.
const searchPath = (): string[] => [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];

function onPath(name: string): boolean {
  return searchPath().some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * What is missing for real loop-device volumes, or null when everything is there. Never throws.
 * Throttling a volume (a slow card, USB 2.0) also needs cgroup-v1 blkio; only tests that do ask.
 */
export function missingRootFeatures(needs: { throttle?: boolean } = {}): string | null {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('not running as root');
  if (!existsSync('/dev/fuse')) missing.push('no /dev/fuse');
  if (!existsSync('/dev/loop-control')) missing.push('no loop devices (/dev/loop-control)');
  for (const tool of tools) if (!onPath(tool)) missing.push(`no ${tool} on PATH`);
  if (needs.throttle && !existsSync('/sys/fs/cgroup/blkio/blkio.throttle.read_bps_device')) missing.push('no cgroup-v1 blkio throttling at /sys/fs/cgroup/blkio');
  return missing.length === 0 ? null : `simulated removable volumes need root features: ${missing.join('; ')}`;
}

/**
 * For test files: `describe.skipIf(requireRootFeatures() !== null)`. Elsewhere a missing feature
 * skips with the reason printed; under CI=true it throws, so a CI machine that lost a feature
 * fails loudly instead of passing by skipping.
 */
export function requireRootFeatures(needs: { throttle?: boolean } = {}): string | null {
  const reason = missingRootFeatures(needs);
  if (reason === null) return null;
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: these tests must run, not skip)`);
  console.warn(`skipping: ${reason}`);
  return reason;
}
