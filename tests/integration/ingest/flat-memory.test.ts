import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { cliEntry } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('memory during an ingest', () => {
  it('stays flat for a file far larger than any buffer (1.5 GiB)', () => {
    const root = tempDir('memory');
    const source = join(root, 'card');
    mkdirSync(source);
    const big = join(source, 'long-shift.MP4');
    writeFileSync(big, 'header');
    truncateSync(big, 1.5 * 1024 ** 3);
    // Record the CLI's own peak resident set as it exits.
    const probe = join(root, 'max-rss.mjs');
    const rssFile = join(root, 'max-rss.txt');
    writeFileSync(probe, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
    const run = spawnSync(process.execPath, ['--import', probe, cliEntry, '--data', join(root, 'data'), 'ingest', source, '--json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as IngestReport;
    expect(report.totals).toMatchObject({ archived: 1, failed: 0 });
    const maxRssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
    expect(maxRssMiB).toBeLessThan(200);
  }, 180_000);
});
