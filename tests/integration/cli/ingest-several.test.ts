import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandError, IngestReport } from '../../../src-main/contract/index.js';
import { makeVideo, sha256Of } from '../../helpers/make-media.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

type Element = IngestReport | { source: string; error: CommandError };

/** A card folder of two real clips; gives each file's SHA-256 by its path on the card. */
function makeCard(dir: string, seed: number): Map<string, string> {
  const files = new Map<string, string>();
  for (const [i, name] of ['DCIM/100MEDIA/CLIP0001.MP4', 'DCIM/100MEDIA/CLIP0002.MP4'].entries()) {
    makeVideo(join(dir, name), { seed: seed + i });
    files.set(name, sha256Of(join(dir, name)));
  }
  return files;
}

/** Every file of the card archived by this report, verified by a read-back, and in its bag's manifest. */
function expectAllVerified(report: IngestReport, card: Map<string, string>): void {
  expect(report).toMatchObject({ state: 'completed', totals: { files: card.size, archived: card.size, failed: 0, notReached: 0 } });
  expect(new Map(report.files.map((f) => [f.source, f.sha256]))).toEqual(card);
  for (const file of report.files) {
    expect(file.status, file.source).toBe('archived');
    expect(['o_direct', 'buffered']).toContain(file.verification);
  }
  const manifest = readFileSync(join(report.archivePath, 'manifest-sha256.txt'), 'utf8');
  for (const [source, sha256] of card) expect(manifest).toContain(`${sha256}  data/${source}`);
}

function ingestJson(dataDir: string, paths: string[]): { status: number | null; json: Element[]; stderr: string } {
  const run = runCli(dataDir, ['ingest', ...paths, '--json']);
  try {
    return { status: run.status, json: JSON.parse(run.stdout) as Element[], stderr: run.stderr };
  } catch {
    throw new Error(`not JSON (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
  }
}

describe('station ingest with several paths', () => {
  it('ingests them all in one run and prints one report per path, in the order given', () => {
    const root = tempDir('ingest-several');
    const cards = ['A', 'B', 'C'].map((name, i) => ({ path: join(root, name), files: makeCard(join(root, name), 10 * i + 1) }));
    const { status, json, stderr } = ingestJson(join(root, 'data'), cards.map((c) => c.path));
    expect(status, stderr).toBe(0);
    expect(json).toHaveLength(3);
    for (const [i, card] of cards.entries()) {
      const report = json[i] as IngestReport;
      expect(report.source).toBe(card.path);
      expectAllVerified(report, card.files);
    }
    expect(new Set(json.map((r) => (r as IngestReport).ingestId)).size).toBe(3);
  }, 120_000);

  it('exits 1 with an error element for a path that is not there, and still ingests the others', () => {
    const root = tempDir('ingest-several-missing');
    const first = { path: join(root, 'D'), files: makeCard(join(root, 'D'), 41) };
    const last = { path: join(root, 'E'), files: makeCard(join(root, 'E'), 51) };
    const missing = join(root, 'not-plugged-in');
    const { status, json, stderr } = ingestJson(join(root, 'data'), [first.path, missing, last.path]);
    expect(status, stderr).toBe(1);
    expect(json).toHaveLength(3);
    expectAllVerified(json[0] as IngestReport, first.files);
    expect(json[1]).toEqual({ source: missing, error: expect.objectContaining({ code: 'source-unreadable', cause: 'not-there', message: expect.stringContaining(missing) }) });
    expectAllVerified(json[2] as IngestReport, last.files);
    expect(stderr).toContain(missing);
  }, 120_000);
});
