import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditRow, LedgerEntry } from '../../../src-main/contract/index.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const checks = ['--battery', 'ok', '--storage', 'ok', '--clock', 'ok'];

describe('station checkout, checkin, ledger export', () => {
  it('prints the shapes issue 8 gives, refuses with exit 1 and the error code, and exports what the ledger lists', async () => {
    const root = tempDir('ledger-cli');
    const data = join(root, 'data');
    expect(runCli(data, ['device', 'add', '--serial', 'DSJ0001', '--type', 'body-camera']).status).toBe(0);
    expect(runCli(data, ['person', 'add', '--name', '张伟', '--officer-number', 'A12345']).status).toBe(0);

    const refused = (args: string[]) => {
      const result = runCliJson<{ error: { code: string; message: string } }>(data, args);
      expect(result.status, result.stderr).toBe(1);
      expect(Object.keys(result.json.error).sort()).toEqual(['code', 'message']);
      return result.json.error.code;
    };
    expect(refused(['checkout', '--device', 'NOPE', '--officer', 'A12345', ...checks])).toBe('device-unavailable');
    expect(refused(['checkout', '--device', 'DSJ0001', '--officer', 'B99999', ...checks])).toBe('unknown-officer');
    expect(refused(['checkout', '--device', 'DSJ0001', '--officer', 'A12345', '--battery', 'fail', '--storage', 'ok', '--clock', 'ok'])).toBe('pre-use-check-failed');
    expect(refused(['checkout', '--device', 'DSJ0001', '--officer', 'A12345', ...checks, '--at', '2099-01-01T08:00:00+08:00'])).toBe('invalid-input');
    expect(refused(['checkin', '--device', 'DSJ0001'])).toBe('device-unavailable');

    // A time without a zone is the station's (Asia/Shanghai by default); the tests run with TZ=UTC.
    const out = runCliJson<Record<string, unknown>>(data, [
      'checkout', '--device', 'DSJ0001', '--officer', 'a12345', ...checks, '--at', '2026-12-01T08:30', '--expected-return', '2026-12-01T18:00',
      '--category', 'investigation', '--case-number', '统执〔2026〕7号', '--case-name', '某商贸公司统计违法案', '--place', '浦东新区', '--remote',
    ]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.json).toEqual({
      checkoutId: 1,
      device: { id: 1, serial: 'DSJ0001' },
      officer: { id: 1, name: '张伟', officerNumber: 'A12345' },
      checkedOutAt: '2026-12-01T08:30:00.000+08:00',
      expectedReturnAt: '2026-12-01T18:00:00.000+08:00',
      checks: { battery: 'ok', storage: 'ok', clock: 'ok' },
      remote: true,
    });
    const back = runCliJson<Record<string, unknown>>(data, [
      'checkin', '--device', 'DSJ0001', '--at', '2026-12-01T17:45:00+08:00', '--condition', 'ok', '--note', '完好', '--arrived', '2026-12-01T09:10', '--left', '2026-12-01T16:20',
    ]);
    expect(back.status, back.stderr).toBe(0);
    expect(back.json).toEqual({ checkoutId: 1, returnedAt: '2026-12-01T17:45:00.000+08:00', deadline: '2026-12-02T17:45:00.000+08:00' });

    const [entry] = runCliJson<LedgerEntry[]>(data, ['ledger', '--from', '2026-12-01', '--to', '2026-12-01']).json;
    expect(entry).toMatchObject({
      checkoutId: 1,
      device: { serial: 'DSJ0001', name: null },
      officer: { name: '张伟', officerNumber: 'A12345' },
      checkedOutAt: '2026-12-01T08:30:00.000+08:00',
      expectedReturnAt: '2026-12-01T18:00:00.000+08:00',
      returnedAt: '2026-12-01T17:45:00.000+08:00',
      deadline: '2026-12-02T17:45:00.000+08:00',
      state: 'overdue',
      lateReason: null,
      checks: { battery: 'ok', storage: 'ok', clock: 'ok' },
      remote: true,
      activity: { category: 'investigation', caseNumber: '统执〔2026〕7号', caseName: '某商贸公司统计违法案', place: '浦东新区' },
      content: { ingests: [], recordings: 0, bytes: 0, durationSeconds: 0, firstRecordedAt: null, lastRecordedAt: null },
      arrivedAt: '2026-12-01T09:10:00.000+08:00',
      leftAt: '2026-12-01T16:20:00.000+08:00',
    });
    expect(runCliJson<LedgerEntry[]>(data, ['ledger', '--from', '2026-12-02']).json).toEqual([]);

    const xlsx = join(root, 'ledger.xlsx');
    expect(runCliJson(data, ['ledger', 'export', '--xlsx', xlsx, '--device', 'DSJ0001']).json).toEqual({ path: xlsx, rows: 1 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const cells = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).toContain('DSJ0001');
    expect(cells).toContain('张伟');
    const pdf = join(root, 'ledger.pdf');
    expect(runCliJson(data, ['ledger', 'export', '--pdf', pdf]).json).toEqual({ path: pdf, rows: 1 });
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('张伟');
    const exports = runCliJson<AuditRow[]>(data, ['audit', 'list']).json.filter((row) => row.action === 'ledger.export');
    expect(exports.map((row) => [row.details.kind, row.details.path, row.details.rows])).toEqual([
      ['view', xlsx, 1],
      ['view', pdf, 1],
    ]);
  }, 180_000);
});
