import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport, VerifyReport } from '../../../src-main/contract/index.js';
import { makeFile } from '../../helpers/make-media.js';
import { partialCopies } from '../../helpers/partial-copies.js';
import { runCliJson, startCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('Ctrl-C during `station ingest`', () => {
  it('stops cleanly: the report says cancelled, files not copied are failed with why, nothing partial is left', async () => {
    const root = tempDir('cancel');
    const source = join(root, 'card');
    const data = join(root, 'data');
    const names = ['1.MP4', '2.MP4', '3.MP4', '4.MP4', '5.MP4', '6.MP4'];
    names.forEach((name, i) => makeFile(join(source, name), 64 * 1024 * 1024, i + 90));

    const child = startCli(data, ['ingest', source, '--json']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Interrupt once a copy is under way.
    for (let tries = 0; tries < 1000 && partialCopies(data).length === 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(1);

    const report = JSON.parse(stdout) as IngestReport;
    expect(report).toMatchObject({ state: 'failed', reasonCode: 'cancelled' });
    const notCopied = report.files.filter((f) => f.status === 'failed');
    expect(notCopied.length).toBeGreaterThan(0);
    for (const file of notCopied) expect(file.reasonCode).toBe('cancelled');
    // A cancel is no file's failure: the files it stopped before are counted as not reached.
    expect(report.totals).toMatchObject({ failed: 0, notReached: notCopied.length });
    expect(report.files.filter((f) => f.status === 'archived').length + notCopied.length).toBe(names.length);
    expect(partialCopies(data)).toEqual([]);
    const verify = runCliJson<VerifyReport>(data, ['verify']);
    expect(verify.json.problems).toEqual([]);
  }, 120_000);
});
