import type { LedgerEntry } from '../../contract/index.js';
import { PdfForm, type Column } from '../print/index.js';
import {
  categoryText,
  checkText,
  conditionText,
  durationText,
  lateReasonText,
  ledgerTitle,
  periodText,
  stateText,
  unitName,
  wallMinute,
  type LedgerExportHeader,
} from './ledger-words.js';

interface PrintedColumn extends Column {
  text: (entry: LedgerEntry, index: number) => string;
}

const none = '—';
const minute = (time: string | null): string => (time === null ? none : wallMinute(time));

const sizeText = (bytes: number): string =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${bytes} B`;

function contentText({ content }: LedgerEntry): string {
  if (content.recordings === 0) return '无';
  const lines = [`${content.recordings} 个文件`, `时长 ${durationText(content.durationSeconds)}`, sizeText(content.bytes)];
  const { firstRecordedAt: first, lastRecordedAt: last } = content;
  if (first && last) {
    // The last time on its own line; its day only where it differs from the first's.
    const sameDay = first.slice(0, 10) === last.slice(0, 10);
    lines.push(wallMinute(first), `至 ${sameDay ? wallMinute(last).slice(11) : wallMinute(last)}`);
  }
  return lines.join('\n');
}

// A4 landscape at a 28 pt margin leaves 786 pt: the widths add up to it, each heading on one line.
const columns: readonly PrintedColumn[] = [
  { title: '序号', width: 22, text: (_, index) => String(index + 1) },
  { title: '设备编号', width: 52, text: (e) => e.device.serial },
  { title: '设备名称', width: 48, text: (e) => e.device.name ?? none },
  { title: '使用人', width: 44, text: (e) => `${e.officer.name}\n${e.officer.officerNumber}` },
  { title: '领用时间', width: 44, text: (e) => minute(e.checkedOutAt) },
  { title: '预计归还', width: 44, text: (e) => minute(e.expectedReturnAt) },
  { title: '归还时间', width: 44, text: (e) => minute(e.returnedAt) },
  {
    title: '使用前检查',
    width: 42,
    text: (e) => `电量 ${checkText[e.checks.battery]}\n存储 ${checkText[e.checks.storage]}\n校时 ${checkText[e.checks.clock]}`,
  },
  { title: '活动类别', width: 36, text: (e) => (e.activity.category ? categoryText[e.activity.category] : none) },
  { title: '案号', width: 48, text: (e) => e.activity.caseNumber ?? none },
  { title: '案件名称', width: 50, text: (e) => e.activity.caseName ?? none },
  { title: '地点', width: 44, text: (e) => e.activity.place ?? none },
  { title: '异地/远程', width: 36, text: (e) => (e.remote ? '是' : '否') },
  { title: '存储期限', width: 44, text: (e) => minute(e.deadline) },
  { title: '状态', width: 40, text: (e) => stateText[e.state] },
  { title: '逾期原因', width: 52, text: (e) => lateReasonText(e) ?? none },
  { title: '记录内容', width: 62, text: contentText },
  { title: '归还状况', width: 34, text: (e) => (e.condition ? [conditionText[e.condition], e.note].filter(Boolean).join('\n') : none) },
];

/** The ledger to print and sign: A4 landscape, page numbers on every page, the clerk's and the lead's lines. */
export async function writeLedgerPdf(rows: readonly LedgerEntry[], header: LedgerExportHeader, file: string): Promise<void> {
  const unit = unitName(header);
  const period = periodText(header);
  await new PdfForm(
    { title: `${ledgerTitle} ${unit} ${period}`, subject: 'Device ledger' },
    { orientation: 'landscape', margin: 28, pageNumber: (page, pages) => `第 ${page} 页，共 ${pages} 页` },
  )
    // One line under the title, not a block of facts: the page is for the entries.
    .title(ledgerTitle, `单位：${unit}　　期间：${period}　　工作站：${header.stationName}　　打印时间：${wallMinute(header.printedAt)}　　共 ${rows.length} 条`)
    .table(
      columns,
      rows.map((entry, index) => columns.map((column) => column.text(entry, index))),
      { cellSize: 6.5, headerSize: 7, empty: '无记录' },
    )
    .signatures(['内勤（经办人）签名', '执法队负责人签名', '日期'])
    .save(file);
}
