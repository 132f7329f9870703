import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('a folder holding a recording from the future', () => {
  const root = tempDir('future');

  it('is measured against the moment the ingest started reading: a station-clock lower bound and a finding', () => {
    const source = join(root, 'card');
    const hours = 3;
    makeVideo(join(source, 'DCIM/VID_0001.MP4'), { seconds: 1, seed: 5, creationTime: new Date(Date.now() + hours * 3_600_000).toISOString() });
    const before = Date.now();
    const { json: report, status } = runCliJson<IngestReport>(join(root, 'data'), ['ingest', source]);
    const after = Date.now();

    expect(status).toBe(0);
    expect(report.clockDrift).toMatchObject({ basis: 'station-clock', evidence: 'DCIM/VID_0001.MP4' });
    // About three hours ahead, a lower bound: the ingest started reading between before and after.
    expect(report.clockDrift.seconds).toBeGreaterThan(hours * 3600 - (after - before) / 1000 - 2);
    expect(report.clockDrift.seconds).toBeLessThanOrEqual(hours * 3600 + 1);
    const finding = report.findings.find((f) => f.kind === 'future-recording');
    expect(finding).toMatchObject({ source: 'DCIM/VID_0001.MP4', reference: 'ingest-start', pluggedInAt: null });
    const referenceAt = Date.parse(finding?.kind === 'future-recording' ? finding.referenceAt : '');
    expect(referenceAt).toBeGreaterThanOrEqual(before);
    expect(referenceAt).toBeLessThanOrEqual(after);
  });
});
