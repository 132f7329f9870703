import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../src-main/contract/index.js';
import { writeLedgerPdf, writeLedgerXlsx, type LedgerExportHeader } from '../../../src-main/core/ledger-export/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A wall time in the station's zone, as the ledger hands its times over. */
const at = (day: number, hour: number, minute = 0): string =>
  `2026-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000+08:00`;

let nextId = 1;
function entry(officer: [string, string], state: LedgerEntry['state'], more: Partial<LedgerEntry> = {}): LedgerEntry {
  const id = nextId++;
  const returned = !['out', 'overdue-return'].includes(state);
  const recordings = state === 'ingested' || state === 'late' ? 3 + id : 0;
  return {
    checkoutId: id,
    device: { id, serial: `DSJ2026${String(id).padStart(3, '0')}`, name: `记录仪${id}号` },
    officer: { id: 100 + id, name: officer[0], officerNumber: officer[1] },
    checkedOutAt: at(1 + (id % 5), 8, 30),
    expectedReturnAt: at(1 + (id % 5), 17, 30),
    returnedAt: returned ? at(1 + (id % 5), 18, 5) : null,
    deadline: returned ? at(2 + (id % 5), 18, 5) : null,
    state,
    lateReason: null,
    checks: { battery: 'ok', storage: 'ok', clock: 'ok' },
    remote: false,
    condition: returned ? 'ok' : null,
    note: null,
    arrivedAt: null,
    leftAt: null,
    activity: { category: 'on-site', caseNumber: `统执〔2026〕${id}号`, caseName: `商贸公司${id}案`, place: '浦东新区' },
    content: {
      ingests: recordings > 0 ? [`ing-${id}`] : [],
      recordings,
      bytes: recordings * 1_234_567_891,
      durationSeconds: recordings * 1_805,
      firstRecordedAt: recordings > 0 ? at(1 + (id % 5), 9, 2) : null,
      lastRecordedAt: recordings > 0 ? at(1 + (id % 5), 15, 47) : null,
    },
    checkedOutBy: '周敏',
    checkedInBy: returned ? '周敏' : null,
    ...more,
  };
}

const officers: [string, string][] = [
  ['张伟', '012345'],
  ['李娜', '023456'],
  ['王芳', '034567'],
  ['刘洋', '045678'],
  ['陈静', '056789'],
  ['赵磊', '067890'],
  ['孙强', '078901'],
];

/** One check-out in every state; one late with its reason, one late without. */
function dayOfLedger(): LedgerEntry[] {
  return [
    entry(officers[0]!, 'out', { activity: { category: 'investigation', caseNumber: '统执〔2026〕31号', caseName: '某超市案', place: '张江镇' } }),
    entry(officers[1]!, 'overdue-return', { remote: true, activity: { category: 'service-notice', caseNumber: null, caseName: null, place: null } }),
    entry(officers[2]!, 'returned', { device: { id: 90, serial: 'CAM-0090', name: null } }),
    entry(officers[3]!, 'ingested', { activity: { category: 'hearing', caseNumber: '统执〔2026〕7号', caseName: '某物流公司案', place: '区局听证室' } }),
    entry(officers[4]!, 'late', { lateReason: '异地执法次日返回', remote: true }),
    entry(officers[5]!, 'late', { activity: { category: 'service-left', caseNumber: '统执〔2026〕9号', caseName: '某餐饮店案', place: '川沙' } }),
    entry(officers[6]!, 'overdue', { condition: 'damaged', note: '屏幕碎裂' }),
  ];
}

const header: LedgerExportHeader = {
  unit: '浦东新区统计局执法大队',
  stationName: '采集站一号',
  from: '2026-12-01',
  to: '2026-12-06',
  printedAt: '2026-12-06T13:45:12.000+08:00',
  language: 'zh-CN',
};

const headings = ['序号', '设备编号', '设备名称', '使用人', '领用时间', '预计归还', '归还时间', '使用前检查', '活动类别', '案号', '案件名称', '地点', '异地/远程', '存储期限', '状态', '逾期原因', '记录内容', '归还状况'];

const stateWords: Record<LedgerEntry['state'], string> = {
  out: '使用中',
  'overdue-return': '逾期未还',
  returned: '待存储',
  ingested: '已按时存储',
  late: '逾期存储',
  overdue: '逾期未存储',
};
const categoryWords = { investigation: '调查取证', hearing: '听证', 'on-site': '现场执法', 'service-left': '留置送达', 'service-notice': '公告送达' };

/** An Excel time read back, in the wall-clock form the ledger's ISO time starts with. */
const wall = (value: ExcelJS.CellValue): string | null =>
  value instanceof Date ? value.toISOString().slice(0, 16) : value === null ? null : `not a time: ${String(value)}`;
const wallOf = (time: string | null): string | null => (time === null ? null : time.slice(0, 16));

/** Each cell of an entry's row as the office reads it: text, numbers, and Excel times. */
function expectedRow(e: LedgerEntry, index: number): unknown[] {
  return [
    index + 1,
    e.device.serial,
    e.device.name,
    e.officer.name,
    e.officer.officerNumber,
    wallOf(e.checkedOutAt),
    wallOf(e.expectedReturnAt),
    wallOf(e.returnedAt),
    '正常',
    '正常',
    '正常',
    e.activity.category ? categoryWords[e.activity.category] : null,
    e.activity.caseNumber,
    e.activity.caseName,
    e.activity.place,
    e.remote ? '是' : '否',
    wallOf(e.deadline),
    stateWords[e.state],
    e.lateReason ?? (e.state === 'late' ? '未填写' : null),
    e.content.recordings,
    e.content.durationSeconds,
    e.content.bytes,
    wallOf(e.content.firstRecordedAt),
    wallOf(e.content.lastRecordedAt),
    e.condition === null ? null : { ok: '完好', damaged: '损坏', lost: '丢失' }[e.condition],
    e.note,
  ];
}

const excelDayZero = Date.UTC(1899, 11, 30);
const timeColumns = new Set([6, 7, 8, 17, 23, 24]);
const durationColumn = 21;

function readRow(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return Array.from({ length: 26 }, (_, i) => {
    const value = sheet.getCell(row, i + 1).value;
    if (timeColumns.has(i + 1)) return wall(value);
    // Excel holds a duration as a fraction of a day; exceljs reads one in a time format back as a
    // time after Excel's day zero.
    if (i + 1 === durationColumn) return value instanceof Date ? Math.round((value.getTime() - excelDayZero) / 1000) : value;
    return value;
  });
}

async function readSheet(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['台账']);
  return workbook.getWorksheet('台账')!;
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** The text in the order it was written, spaces and line breaks gone: a cell's words wrapped onto two lines read whole. */
const pdfWords = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

describe('the device ledger exported (台账)', () => {
  it('as xlsx: one sheet 台账 with the unit and period, the paper headings frozen, and every entry read back cell by cell', async () => {
    const dir = tempDir('ledger-xlsx');
    const rows = dayOfLedger();
    const file = join(dir, '台账.xlsx');
    await writeLedgerXlsx(rows, header, file);
    expect(readdirSync(dir)).toEqual(['台账.xlsx']);

    const sheet = await readSheet(file);
    expect(sheet.getCell('A1').value).toBe('执法音像记录设备使用登记台账');
    const subtitle = String(sheet.getCell('A2').value);
    expect(subtitle).toContain('浦东新区统计局执法大队');
    expect(subtitle).toContain('2026-12-01 至 2026-12-06');
    // Two heading rows, as the paper ledger has them: a group over its parts.
    expect(sheet.getCell('A3').value).toBe('序号');
    expect(sheet.getCell('D3').value).toBe('使用人');
    expect([sheet.getCell('D4').value, sheet.getCell('E4').value]).toEqual(['姓名', '执法人员编号']);
    expect(sheet.getCell('I3').value).toBe('使用前检查');
    expect([sheet.getCell('I4').value, sheet.getCell('J4').value, sheet.getCell('K4').value]).toEqual(['电量', '存储', '校时']);
    expect(sheet.getCell('T3').value).toBe('记录内容');
    expect(sheet.getCell('Y3').value).toBe('归还状况');
    const view = sheet.views[0]!;
    expect(view.state).toBe('frozen');
    expect(view.state === 'frozen' && view.ySplit).toBe(4);
    for (let col = 1; col <= 26; col++) expect(sheet.getColumn(col).width).toBeGreaterThan(5);

    rows.forEach((e, i) => expect(readRow(sheet, 5 + i), `row of ${e.officer.name}`).toEqual(expectedRow(e, i)));
    expect(sheet.getCell(5 + rows.length, 1).value).toBeNull();
    expect(sheet.getCell(4 + rows.length, 26).border?.bottom?.style).toBe('thin');

    // Counts and bytes are numbers Excel can add up; times are real times shown to the minute.
    const late = 5 + rows.findIndex((e) => e.state === 'late');
    expect(typeof sheet.getCell(late, 20).value).toBe('number');
    expect(typeof sheet.getCell(late, 22).value).toBe('number');
    expect(sheet.getCell(late, 6).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell(late, 22).numFmt).toBe('#,##0');
  });

  it('as PDF: A4 landscape in Chinese with the unit, the period, every entry, a page number and the lines to sign', async () => {
    const dir = tempDir('ledger-pdf');
    const rows = dayOfLedger();
    const file = join(dir, '台账.pdf');
    await writeLedgerPdf(rows, header, file);
    expect(readdirSync(dir)).toEqual(['台账.pdf']);

    const info = pdfInfo(file);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info)!;
    expect(Number(width)).toBeGreaterThan(Number(height));
    // The Chinese font travels inside the file: a machine without it prints the same.
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSansCJK\S*\s.*\byes\s+yes\b/);

    const text = pdfText(file);
    for (const words of ['执法音像记录设备使用登记台账', '浦东新区统计局执法大队', '2026-12-01 至 2026-12-06', '采集站一号', '2026-12-06 13:45', ...headings]) {
      expect(text).toContain(words);
    }
    for (const e of rows) {
      expect(text).toContain(e.officer.name);
      expect(text).toContain(e.officer.officerNumber);
      expect(text).toContain(e.device.serial);
      expect(text).toContain(stateWords[e.state]);
    }
    const words = pdfWords(file);
    for (const e of rows) {
      for (const said of [e.activity.caseNumber, e.activity.caseName, e.activity.place]) if (said) expect(words).toContain(said);
      // Times to the minute in the station's zone, the day and the hour on two lines of their cell.
      for (const time of [e.checkedOutAt, e.deadline]) if (time) expect(words).toContain(`${time.slice(0, 10)}${time.slice(11, 16)}`);
    }
    expect(words).toContain('异地执法次日返回');
    expect(text).toContain('未填写');
    expect(text).toContain('屏幕碎裂');
    expect(text).toMatch(/共\s*7\s*条/);
    expect(text).toMatch(/第\s*1\s*页，共\s*\d+\s*页/);
    expect(text).toContain('内勤（经办人）签名');
    expect(text).toContain('执法队负责人签名');
  });

  it('as PDF over several pages: each page has its number of the whole and the headings again', async () => {
    const dir = tempDir('ledger-pages');
    const rows = Array.from({ length: 60 }, (_, i) => entry(officers[i % officers.length]!, i % 2 === 0 ? 'ingested' : 'late'));
    const file = join(dir, '台账.pdf');
    await writeLedgerPdf(rows, header, file);

    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))![1]);
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(file).split('\f').slice(0, pages);
    expect(text).toHaveLength(pages);
    text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toMatch(new RegExp(`第\\s*${i + 1}\\s*页，共\\s*${pages}\\s*页`));
      expect(page, `page ${i + 1}`).toContain('设备编号');
      expect(page, `page ${i + 1}`).toContain('记录内容');
    });
    for (const e of rows) expect(text.join('')).toContain(e.device.serial);
    expect(text.at(-1)).toContain('执法队负责人签名');
  });

  it('empty: both files still carry the headings, say 无记录, and name an office-less station by its name', async () => {
    const dir = tempDir('ledger-empty');
    const open = { ...header, unit: null, from: null, to: null };
    await writeLedgerXlsx([], open, join(dir, 'empty.xlsx'));
    await writeLedgerPdf([], open, join(dir, 'empty.pdf'));

    const sheet = await readSheet(join(dir, 'empty.xlsx'));
    expect(String(sheet.getCell('A2').value)).toContain('单位：采集站一号');
    expect(String(sheet.getCell('A2').value)).toContain('期间：全部');
    expect(sheet.getCell('B3').value).toBe('设备编号');
    expect(sheet.getCell('A5').value).toBe('无记录');
    expect(sheet.getCell('A6').value).toBeNull();

    const text = pdfText(join(dir, 'empty.pdf'));
    for (const words of [...headings, '无记录', '采集站一号', '全部', '第 1 页，共 1 页', '内勤（经办人）签名', '执法队负责人签名']) {
      expect(text).toContain(words);
    }
  });

  it('leaves nothing behind when the file cannot be written', async () => {
    const dir = tempDir('ledger-nowhere');
    const nowhere = join(dir, 'no-such-folder');
    await expect(writeLedgerXlsx(dayOfLedger(), header, join(nowhere, 'a.xlsx'))).rejects.toThrow(/ENOENT/);
    await expect(writeLedgerPdf(dayOfLedger(), header, join(nowhere, 'a.pdf'))).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
