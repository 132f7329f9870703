import { join } from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow, Deadline, IngestReport, LedgerEntry } from '../../../src-main/contract/index.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const hour = 3_600_000;
const OFFICER = '123456';
const zone = 'Asia/Shanghai';

/** A time this many hours before the test began, as the command line takes it. */
const hoursAgo = (start: number, hours: number) => new Date(start - hours * hour).toISOString();

/** A card of a GA/T 947 recorder: each file named by serial, officer and its local start time, its MP4 header time in UTC. */
function makeCard(dir: string, serial: string, startsMs: number[]): void {
  startsMs.forEach((ms, index) => {
    const local = DateTime.fromMillis(ms, { zone }).toFormat('yyyyMMddHHmmss');
    const utc = DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
    makeVideo(join(dir, 'DCIM', `${serial}_${OFFICER}_${local}_${String(index + 1).padStart(4, '0')}.MP4`), { seed: index + Number(serial.slice(-1)) * 10, creationTime: utc });
  });
}

const ok = (result: { status: number | null; stderr: string }) => expect(result.status, result.stderr).toBe(0);

describe('the 24-hour rule met by ingests, from the command line', () => {
  const root = tempDir('ledger-deadline');
  const data = join(root, 'data');
  const start = Math.floor(Date.now() / 1000) * 1000;
  const ago = (hours: number) => hoursAgo(start, hours);
  const ledger = () => Object.fromEntries(runCliJson<LedgerEntry[]>(data, ['ledger']).json.map((entry) => [entry.device.serial, entry]));
  const checkout = (serial: string, hours: number) =>
    runCliJson<{ checkoutId: number }>(data, ['checkout', '--device', serial, '--officer', OFFICER, '--battery', 'ok', '--storage', 'ok', '--clock', 'ok', '--at', ago(hours)]);
  const checkin = (serial: string, hours: number) => runCliJson<{ checkoutId: number }>(data, ['checkin', '--device', serial, '--at', ago(hours)]);
  const ingest = (card: string, ...extra: string[]) => runCliJson<IngestReport>(data, ['ingest', join(root, card), ...extra]);

  beforeAll(() => {
    for (const serial of ['7654321', '7654322', '7654323', '7654324', '7654325']) ok(runCli(data, ['device', 'add', '--serial', serial, '--type', 'body-camera']));
    ok(runCli(data, ['person', 'add', '--name', '张伟', '--officer-number', OFFICER]));
    // On time: two recordings inside the window, one made before the check-out.
    makeCard(join(root, 'on-time'), '7654321', [start - 10 * hour, start - 5 * hour, start - 4 * hour]);
    makeCard(join(root, 'late-with-reason'), '7654322', [start - 59 * hour]);
    makeCard(join(root, 'late-without'), '7654323', [start - 39 * hour]);
    makeCard(join(root, 'still-out'), '7654324', [start - 2 * hour]);
    makeCard(join(root, 'back-before-ingest'), '7654325', [start - 2 * hour]);
  }, 120_000);

  it('meets the deadline of a recorder returned and ingested in time; a late reason given then is not kept', () => {
    ok(checkout('7654321', 6));
    const back = checkin('7654321', 2);
    ok(back);
    const report = ingest('on-time', '--late-reason', '不需要');
    ok(report);
    expect(report.json.deviceId).toBe(1);
    const entry = ledger()['7654321']!;
    expect(entry).toMatchObject({ checkoutId: back.json.checkoutId, state: 'ingested', lateReason: null });
    const inWindow = report.json.files.filter((file) => !file.source.includes(DateTime.fromMillis(start - 10 * hour, { zone }).toFormat('yyyyMMddHHmmss')));
    expect(entry.content).toEqual({
      ingests: [report.json.ingestId],
      recordings: 2,
      bytes: inWindow.reduce((sum, file) => sum + file.size, 0),
      durationSeconds: expect.closeTo(2, 0),
      firstRecordedAt: expect.stringMatching(/\+08:00$/),
      lastRecordedAt: expect.stringMatching(/\+08:00$/),
    });
    expect(Date.parse(entry.content.firstRecordedAt!)).toBe(start - 5 * hour);
    expect(Date.parse(entry.content.lastRecordedAt!)).toBe(start - 4 * hour);
    const finish = runCliJson<AuditRow[]>(data, ['audit', 'list']).json.find((row) => row.action === 'ingest.finish' && row.object === `ingest:${report.json.ingestId}`);
    expect(finish?.details).toMatchObject({ checkoutMet: back.json.checkoutId, late: false });
  }, 120_000);

  it('keeps the reason given at a late ingest', () => {
    ok(checkout('7654322', 60));
    ok(checkin('7654322', 50));
    expect(ledger()['7654322']!.state).toBe('overdue');
    ok(ingest('late-with-reason', '--late-reason', '异地执法，返回后设备故障'));
    expect(ledger()['7654322']).toMatchObject({ state: 'late', lateReason: '异地执法，返回后设备故障' });
  }, 120_000);

  it('leaves a late ingest without a reason on the board until one is given on the ledger', () => {
    const out = checkout('7654323', 40);
    ok(out);
    ok(checkin('7654323', 30));
    ok(ingest('late-without'));
    expect(ledger()['7654323']).toMatchObject({ state: 'late', lateReason: null });
    const board = runCliJson<Deadline[]>(data, ['deadlines']).json;
    expect(board.map((line) => [line.device.serial, line.state])).toEqual([['7654323', 'late']]);
    expect(Object.keys(board[0]!).sort()).toEqual(['checkoutId', 'deadline', 'device', 'officer', 'returnedAt', 'secondsLeft', 'state']);
    expect(runCli(data, ['deadlines']).stdout).toContain('reason missing');

    const given = runCliJson<LedgerEntry>(data, ['ledger', 'late-reason', '--checkout', String(out.json.checkoutId), '--reason', '节假日无人值守']);
    ok(given);
    expect(given.json).toMatchObject({ state: 'late', lateReason: '节假日无人值守' });
    expect(runCliJson<Deadline[]>(data, ['deadlines']).json).toEqual([]);
  }, 120_000);

  it('meets nothing with an ingest of a recorder still out, and counts its footage so far', () => {
    ok(checkout('7654324', 3));
    ok(ingest('still-out'));
    const entry = ledger()['7654324']!;
    expect(entry).toMatchObject({ state: 'out', returnedAt: null, deadline: null, content: { recordings: 1 } });
    // Checked in after that ingest, back only now: its deadline waits for the next one.
    ok(runCli(data, ['checkin', '--device', '7654324']));
    expect(ledger()['7654324']!.state).toBe('returned');
    expect(runCliJson<Deadline[]>(data, ['deadlines']).json.map((line) => line.device.serial)).toEqual(['7654324']);
  }, 120_000);

  it('meets the deadline with an ingest that ran before the check-in was written, when the recorder was back before it ended', () => {
    ok(checkout('7654325', 3));
    // The card was plugged in and imported; the desk writes the return afterwards, at the plug-in time.
    const report = ingest('back-before-ingest');
    ok(report);
    ok(checkin('7654325', 1));
    expect(ledger()['7654325']).toMatchObject({ state: 'ingested', content: { recordings: 1, ingests: [report.json.ingestId] } });
    expect(runCliJson<Deadline[]>(data, ['deadlines']).json.map((line) => line.device.serial)).not.toContain('7654325');
  }, 120_000);

  it('filters the ledger and keeps the audit chain intact', () => {
    expect(runCliJson<LedgerEntry[]>(data, ['ledger', '--device', '7654322']).json.map((entry) => entry.device.serial)).toEqual(['7654322']);
    expect(runCliJson<LedgerEntry[]>(data, ['ledger', '--officer', '999999']).json).toEqual([]);
    const day = DateTime.fromMillis(start - 60 * hour, { zone }).toISODate()!;
    const that = runCliJson<LedgerEntry[]>(data, ['ledger', '--from', day, '--to', day]).json.map((entry) => entry.device.serial);
    expect(that).toContain('7654322');
    expect(that).not.toContain('7654324');
    // Newest check-out first.
    expect(runCliJson<LedgerEntry[]>(data, ['ledger']).json.map((entry) => entry.device.serial)).toEqual(['7654325', '7654324', '7654321', '7654323', '7654322']);
    expect(runCliJson<{ ok: boolean }>(data, ['audit', 'verify']).json.ok).toBe(true);
  }, 60_000);
});
