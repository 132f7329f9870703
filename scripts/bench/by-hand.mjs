// The contenders made of plain tools. `cp -r` + `sync` is what the station must keep pace with; the
// careful copy by hand is what a clerk does to be sure without the station: `sha256sum` over the
// source, `cp -r`, `sync`, caches dropped (so the check reads the disk, not memory), `sha256sum -c`
// over the copy. Several sources go in parallel, each with its own shell, as a clerk with a rack
// would open one terminal per card; the one `sync` and the one cache drop serve them all.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dropCaches } from '../../tests/helpers/exfat-volume.ts';
import { measured } from './measure.mjs';

const sum = (results) => (results.some((r) => r.cpuMs === null) ? null : results.reduce((total, r) => total + r.cpuMs, 0));

/** `cp -r` from every source at once, then one `sync`. */
export async function copyAndSync(sources, targets) {
  const started = performance.now();
  const copies = await Promise.all(sources.map((source, i) => measured('cp', ['-r', '--', source, targets[i]])));
  const failed = copies.find((r) => r.code !== 0);
  if (failed) throw new Error(`cp failed: ${failed.stderr}`);
  const synced = await measured('sync', []);
  return { ms: performance.now() - started, cpuMs: sum([...copies, synced]) };
}

/** The careful copy; `ok` is false when `sha256sum -c` found a copy that differs. */
export async function carefulCopy(sources, targets, workDir, coldReads) {
  const manifests = sources.map((_, i) => join(workDir, `by-hand-${i}.sha256`));
  const started = performance.now();
  const hashAndCopy = await Promise.all(
    sources.map((source, i) =>
      measured('sh', ['-c', 'cd "$1" && find . -type f -exec sha256sum -- {} + > "$3" && cp -r -- "$1" "$2"', 'sh', source, targets[i], manifests[i]]),
    ),
  );
  const failed = hashAndCopy.find((r) => r.code !== 0);
  if (failed) throw new Error(`sha256sum or cp failed: ${failed.stderr}`);
  const synced = await measured('sync', []);
  if (coldReads) await dropCaches();
  const checks = await Promise.all(targets.map((target, i) => measured('sh', ['-c', 'cd "$1" && sha256sum --quiet -c "$2"', 'sh', target, manifests[i]])));
  const ms = performance.now() - started;
  await Promise.all(manifests.map((manifest) => rm(manifest, { force: true })));
  return { ms, cpuMs: sum([...hashAndCopy, synced, ...checks]), ok: checks.every((r) => r.code === 0) };
}
