import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, IngestReport, RecordingPage } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A recorder's card: a clip from before the ledger, one officer's clip, another officer's clip in the same check-out, and a clip the next day. */
function card(root: string): string {
  const dcim = join(root, 'card/DCIM');
  makeVideo(join(dcim, '7654321_012345_20261125100000_0000.MP4'), { seed: 4, seconds: 2, creationTime: '2026-11-25T02:00:00Z' });
  makeVideo(join(dcim, '7654321_012345_20261126083015_0001.MP4'), { seed: 1, seconds: 2, creationTime: '2026-11-26T00:30:15Z' });
  makeVideo(join(dcim, '7654321_054321_20261126090000_0002.MP4'), { seed: 2, seconds: 2, creationTime: '2026-11-26T01:00:00Z' });
  makeVideo(join(dcim, '7654321_054321_20261127100000_0003.MP4'), { seed: 3, seconds: 2, creationTime: '2026-11-27T02:00:00Z' });
  return join(root, 'card');
}

function office(data: string): void {
  expect(runCli(data, ['device', 'add', '--serial', '7654321', '--type', 'body-camera']).status).toBe(0);
  expect(runCli(data, ['person', 'add', '--name', '李执法', '--officer-number', '012345']).status).toBe(0);
  expect(runCli(data, ['person', 'add', '--name', '王五', '--officer-number', '054321']).status).toBe(0);
}

const checkOutAndIn = (data: string) => {
  const out = runCliJson<{ checkoutId: number }>(data, [
    'checkout', '--device', '7654321', '--officer', '012345', '--battery', 'ok', '--storage', 'ok', '--clock', 'ok', '--at', '2026-11-26T08:00:00+08:00',
  ]);
  expect(out.status).toBe(0);
  const back = runCli(data, ['checkin', '--device', '7654321', '--at', '2026-11-26T12:00:00+08:00', '--arrived', '2026-11-26T08:20:00+08:00', '--left', '2026-11-26T09:30:00+08:00']);
  expect(back.status).toBe(0);
  return out.json.checkoutId;
};

const officers = (data: string) =>
  Object.fromEntries(
    runCliJson<RecordingPage['rows']>(data, ['recordings']).json.map((recording) => [
      recording.originalName.replace(/^.*_(\d{4})\.MP4$/, '$1'),
      { officer: recording.officer?.name ?? null, checkoutId: recording.checkoutId },
    ]),
  );

const custodyFindings = (findings: readonly Finding[]) =>
  findings
    .flatMap((finding) => {
      if (finding.kind === 'officer-mismatch') return [`mismatch ${finding.source} ${finding.nameOfficer}≠${finding.ledgerOfficer}`];
      if (finding.kind === 'outside-checkout') return [`outside ${finding.source} ${finding.recordedAt}`];
      if (finding.kind === 'recording-gap' && finding.activity) return [`gap ${finding.previous ?? 'arrival'} → ${finding.source ?? 'leaving'} ${finding.gapSeconds}s`];
      return [];
    })
    .sort();

const expectedFindings = [
  'gap DCIM/7654321_012345_20261126083015_0001.MP4 → DCIM/7654321_054321_20261126090000_0002.MP4 1783s',
  'gap DCIM/7654321_054321_20261126090000_0002.MP4 → leaving 1798s',
  'gap arrival → DCIM/7654321_012345_20261126083015_0001.MP4 615s',
  'mismatch DCIM/7654321_054321_20261126090000_0002.MP4 054321≠012345',
  'outside DCIM/7654321_054321_20261127100000_0003.MP4 2026-11-27T10:00:00.000+08:00',
].sort();

describe('attribution of recordings to officers', () => {
  it('takes the officer from the check-out holding the recording, else from the file name, and notes what disagrees', () => {
    const root = tempDir('attribution');
    const data = join(root, 'data');
    office(data);
    const checkoutId = checkOutAndIn(data);
    const report = runCliJson<IngestReport>(data, ['ingest', card(root)]);
    expect(report.status).toBe(0);

    expect(officers(data)).toEqual({
      // Before the device's first check-out: the name's officer, and no finding (the ledger did not keep it yet).
      '0000': { officer: '李执法', checkoutId: null },
      '0001': { officer: '李执法', checkoutId },
      // The ledger had the recorder out to 李执法: the name's 054321 is a finding, not the answer.
      '0002': { officer: '李执法', checkoutId },
      '0003': { officer: '王五', checkoutId: null },
    });
    expect(custodyFindings(report.json.findings)).toEqual(expectedFindings);
  });

  it('attributes again when the check-out is written after the ingest', async () => {
    const root = tempDir('attribution-later');
    const data = join(root, 'data');
    office(data);
    const report = runCliJson<IngestReport>(data, ['ingest', card(root)]);
    // No ledger for the device yet: officers from the names, and nothing flagged.
    expect(officers(data)).toEqual({
      '0000': { officer: '李执法', checkoutId: null },
      '0001': { officer: '李执法', checkoutId: null },
      '0002': { officer: '王五', checkoutId: null },
      '0003': { officer: '王五', checkoutId: null },
    });
    expect(custodyFindings(report.json.findings)).toEqual([]);

    const checkoutId = checkOutAndIn(data);
    expect(officers(data)).toEqual({
      // Before the device's first check-out: the name's officer, and no finding (the ledger did not keep it yet).
      '0000': { officer: '李执法', checkoutId: null },
      '0001': { officer: '李执法', checkoutId },
      '0002': { officer: '李执法', checkoutId },
      '0003': { officer: '王五', checkoutId: null },
    });
    const station = await openStation({ dataDir: data });
    try {
      const again = await station.call('ingest.get', { ingestId: report.json.ingestId }, { name: 'lead', role: 'lead' });
      if (!again.ok) throw new Error(again.error.message);
      expect(custodyFindings(again.value.findings)).toEqual(expectedFindings);
    } finally {
      await station.close();
    }
  });
});
