import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeVideo } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const reason = process.platform === 'linux' && existsSync('/usr/bin/setpriv') ? null : 'needs Linux with util-linux setpriv';

/** Processes whose parent is `pid`, read from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);

describe.skipIf(reason !== null)(`exiftool after a crash${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('does not outlive a station that is killed', async () => {
    const dir = tempDir('orphans');
    const video = join(dir, 'clip.MP4');
    makeVideo(video, { creationTime: '2026-11-26T00:30:15Z' });
    const script = join(dir, 'crash.mjs');
    // The compiled core, as the station runs it (`npm test` builds it first).
    const inspector = join(process.cwd(), 'out/src-main/core/media/inspector.js');
    writeFileSync(
      script,
      `import { createMediaInspector } from ${JSON.stringify(inspector)};\n` +
        `const i = createMediaInspector({ zone: 'Asia/Shanghai' });\n` +
        `await i.inspect(${JSON.stringify(video)});\n` +
        `console.log('inspected');\n` +
        `setInterval(() => {}, 1000);\n`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    // However the test ends, the inspecting process does not outlive it.
    onTestFinished(() => {
      child.kill('SIGKILL');
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('inspected') && resolve());
      child.once('exit', (code) => reject(new Error(`the inspecting process ended early (exit ${code})`)));
    });
    const exiftools = childrenOf(child.pid!).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('exiftool'));
    expect(exiftools.length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    for (let tries = 0; tries < 100 && exiftools.some(alive); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(exiftools.filter(alive)).toEqual([]);
  });
});
