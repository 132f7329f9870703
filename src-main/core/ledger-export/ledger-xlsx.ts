import { rename, rm } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import type { LedgerEntry } from '../../contract/index.js';
import {
  categoryText,
  checkText,
  conditionText,
  lateReasonText,
  ledgerTitle,
  periodText,
  stateText,
  unitName,
  wallMinute,
  type LedgerExportHeader,
} from './ledger-words.js';

type CellValue = string | number | Date | null;

interface SheetColumn {
  /** The heading over several columns (使用前检查 over 电量, 存储, 校时), as on the paper ledger. */
  group?: string;
  heading: string;
  width: number;
  /** Excel's display format for numbers and times. */
  format?: string;
  value: (entry: LedgerEntry, index: number) => CellValue;
}

const minuteFormat = 'yyyy-mm-dd hh:mm';

/**
 * A real Excel time (sortable, filterable) that shows the station's wall time: Excel times have
 * no zone, and exceljs writes a Date by its UTC fields, so the wall fields go in as UTC.
 */
function excelTime(time: string | null): Date | null {
  if (time === null) return null;
  const [day, clock] = wallMinute(time).split(' ') as [string, string];
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, date, hour, minute));
}

const columns: readonly SheetColumn[] = [
  { heading: '序号', width: 6, value: (_, index) => index + 1 },
  { heading: '设备编号', width: 14, value: (e) => e.device.serial },
  { heading: '设备名称', width: 16, value: (e) => e.device.name },
  { group: '使用人', heading: '姓名', width: 10, value: (e) => e.officer.name },
  { group: '使用人', heading: '执法人员编号', width: 12, value: (e) => e.officer.officerNumber },
  { heading: '领用时间', width: 17, format: minuteFormat, value: (e) => excelTime(e.checkedOutAt) },
  { heading: '预计归还', width: 17, format: minuteFormat, value: (e) => excelTime(e.expectedReturnAt) },
  { heading: '归还时间', width: 17, format: minuteFormat, value: (e) => excelTime(e.returnedAt) },
  { group: '使用前检查', heading: '电量', width: 6, value: (e) => checkText[e.checks.battery] },
  { group: '使用前检查', heading: '存储', width: 6, value: (e) => checkText[e.checks.storage] },
  { group: '使用前检查', heading: '校时', width: 6, value: (e) => checkText[e.checks.clock] },
  { heading: '活动类别', width: 10, value: (e) => (e.activity.category ? categoryText[e.activity.category] : null) },
  { heading: '案号', width: 20, value: (e) => e.activity.caseNumber },
  { heading: '案件名称', width: 24, value: (e) => e.activity.caseName },
  { heading: '地点', width: 18, value: (e) => e.activity.place },
  { heading: '异地/远程', width: 10, value: (e) => (e.remote ? '是' : '否') },
  { heading: '存储期限', width: 17, format: minuteFormat, value: (e) => excelTime(e.deadline) },
  { heading: '状态', width: 11, value: (e) => stateText[e.state] },
  { heading: '逾期原因', width: 24, value: lateReasonText },
  { group: '记录内容', heading: '文件数', width: 8, format: '0', value: (e) => e.content.recordings },
  // A fraction of a day is how Excel holds a duration; [h] lets the hours run past 24.
  { group: '记录内容', heading: '总时长', width: 10, format: '[h]:mm:ss', value: (e) => e.content.durationSeconds / 86_400 },
  { group: '记录内容', heading: '大小（字节）', width: 16, format: '#,##0', value: (e) => e.content.bytes },
  { group: '记录内容', heading: '首条记录时间', width: 17, format: minuteFormat, value: (e) => excelTime(e.content.firstRecordedAt) },
  { group: '记录内容', heading: '末条记录时间', width: 17, format: minuteFormat, value: (e) => excelTime(e.content.lastRecordedAt) },
  { group: '归还状况', heading: '状况', width: 8, value: (e) => (e.condition ? conditionText[e.condition] : null) },
  { group: '归还状况', heading: '说明', width: 24, value: (e) => e.note },
];

const thin = { style: 'thin' } as const;
const grid = { top: thin, left: thin, bottom: thin, right: thin };

/** Rows 1–2 title the sheet, rows 3–4 head the columns, entries start at row 5. */
const headingRows = [3, 4] as const;
const firstEntryRow = 5;

function writeHeadings(sheet: ExcelJS.Worksheet): void {
  const [groupRow, headingRow] = headingRows;
  columns.forEach((column, i) => {
    const col = i + 1;
    if (!column.group) {
      sheet.getCell(groupRow, col).value = column.heading;
      sheet.mergeCells(groupRow, col, headingRow, col);
      return;
    }
    sheet.getCell(headingRow, col).value = column.heading;
    if (columns[i - 1]?.group === column.group) return;
    let last = i;
    while (columns[last + 1]?.group === column.group) last++;
    sheet.getCell(groupRow, col).value = column.group;
    sheet.mergeCells(groupRow, col, groupRow, last + 1);
  });
  for (const row of headingRows) {
    const cells = sheet.getRow(row);
    cells.font = { bold: true };
    cells.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

/** The ledger as an .xlsx workbook: one sheet 台账, times as Excel times, counts and bytes as numbers. */
export async function writeLedgerXlsx(rows: readonly LedgerEntry[], header: LedgerExportHeader, file: string): Promise<void> {
  // Loaded here, not at the top: exceljs costs about 170 ms of CPU to load, which every start of the
  // station would pay. Node keeps the module once loaded, so later exports do not load it again.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = header.stationName;
  workbook.created = new Date(header.printedAt);
  const sheet = workbook.addWorksheet('台账', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: firstEntryRow - 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' },
  });
  sheet.columns = columns.map((column) => ({ width: column.width, style: column.format ? { numFmt: column.format } : {} }));
  const lastColumn = columns.length;

  sheet.getCell(1, 1).value = ledgerTitle;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(2, 1).value = `单位：${unitName(header)}　　期间：${periodText(header)}　　工作站：${header.stationName}　　导出时间：${header.printedAt.slice(0, 10)} ${header.printedAt.slice(11, 16)}`;
  for (const row of [1, 2]) {
    sheet.mergeCells(row, 1, row, lastColumn);
    sheet.getCell(row, 1).alignment = { horizontal: 'center' };
  }
  writeHeadings(sheet);

  rows.forEach((entry, index) => {
    sheet.getRow(firstEntryRow + index).values = columns.map((column) => column.value(entry, index));
  });
  if (rows.length === 0) {
    sheet.getCell(firstEntryRow, 1).value = '无记录';
    sheet.mergeCells(firstEntryRow, 1, firstEntryRow, lastColumn);
    sheet.getCell(firstEntryRow, 1).alignment = { horizontal: 'center' };
  }

  // Ruled like the paper ledger, so a sheet printed from Excel reads the same.
  const lastRow = firstEntryRow + Math.max(rows.length, 1) - 1;
  for (let row = headingRows[0]; row <= lastRow; row++) {
    for (let col = 1; col <= lastColumn; col++) sheet.getCell(row, col).border = grid;
  }

  // Written beside the target and renamed into place: a failed export leaves no half a file.
  const partial = `${file}.writing`;
  try {
    await workbook.xlsx.writeFile(partial);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
