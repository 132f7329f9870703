import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cliEntry } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** libuv names each thread of its pool so: counting them under /proc tells the pool's size. */
const poolThreads = (pid: number): number =>
  readdirSync(`/proc/${pid}/task`).filter((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim() === 'libuv-worker';
    } catch {
      return false; // the thread ended meanwhile
    }
  }).length;

/** Starts `station watch` (which touches files at once, so the pool exists) and returns its pool's size. */
async function watchersPool(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [cliEntry, '--data', join(tempDir('io-threads'), 'data'), 'watch'], { stdio: 'ignore', env });
  try {
    const pid = child.pid;
    if (pid === undefined) throw new Error('station watch did not start');
    // libuv starts the whole pool at its first use, and each thread names itself as it starts: the
    // count is read once it has stopped growing for half a second.
    let last = 0;
    let steadySince = performance.now();
    for (const startedAt = performance.now(); performance.now() - startedAt < 20_000; await sleep(50)) {
      const threads = poolThreads(pid);
      if (threads !== last) [last, steadySince] = [threads, performance.now()];
      else if (threads > 0 && performance.now() - steadySince >= 500) return threads;
    }
    throw new Error(`station watch's I/O thread pool never settled (last seen: ${last} threads)`);
  } finally {
    child.kill();
  }
}

describe.skipIf(!existsSync('/proc/self/task'))('the station\'s I/O thread pool (Linux: counted under /proc)', () => {
  it('has room for sixteen cards\' reads, writes and verifications (16 × 3 + 4), not libuv\'s four', async () => {
    const env = { ...process.env };
    delete env.UV_THREADPOOL_SIZE;
    expect(await watchersPool(env)).toBe(52);
  });

  it('keeps the size an administrator set', async () => {
    expect(await watchersPool({ ...process.env, UV_THREADPOOL_SIZE: '7' })).toBe(7);
  });
});
