import type { IngestReport } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { getDevice } from '../devices/index.js';
import { PdfForm } from '../print/index.js';
import { officerAndMark } from '../recorder-names/index.js';
import type { IngestRow } from './ingest-store.js';

const stateText: Record<IngestReport['state'], string> = {
  running: '进行中 running',
  completed: '已完成 completed',
  failed: '失败 failed',
  interrupted: '中断 interrupted',
};

const statusText: Record<IngestReport['files'][number]['status'], string> = {
  archived: '已归档',
  duplicate: '已在档',
  skipped: '未导入',
  failed: '失败',
};

/** `2026-12-06T07:22:47.789+08:00` → `2026-12-06 07:22:47 (+08:00)`: what a reader signs against. */
const wallTime = (time: string): string => `${time.slice(0, 10)} ${time.slice(11, 19)} (${time.slice(23)})`;

const sizeText = (bytes: number): string => (bytes < 1_000_000 ? `${bytes} B` : `${(bytes / 1_000_000).toFixed(1)} MB`);

/** The officers whose numbers the file names carry: whose footage this card holds. */
function officersOf(report: IngestReport): string {
  const numbers = new Set(report.files.map((file) => officerAndMark(file.source).officerNumber).filter((n): n is string => n !== null));
  return numbers.size === 0 ? '—' : [...numbers].join('、');
}

/**
 * 交接单: the paper the officer and the desk sign when a recorder's footage is handed in — the
 * device, whose footage, every file with its SHA-256, who ingested it and when.
 */
export async function writeIngestReceipt(
  db: Database,
  ingest: IngestRow,
  report: IngestReport,
  path: string,
  iso: (ms: number) => string,
): Promise<void> {
  const device = ingest.device_id === null ? null : getDevice(db, ingest.device_id);
  const deviceText = device ? [device.name, device.serial, device.model].filter(Boolean).join(' · ') : (ingest.source_label ?? '—');
  const { totals } = report;
  await new PdfForm({ title: `执法音像记录导入交接单 ${report.ingestId}`, subject: 'Ingest receipt' })
    .title('执法音像记录导入交接单', 'Ingest receipt — 执法音像记录采集工作站')
    .facts([
      ['导入编号 Ingest', report.ingestId],
      ['设备 Device', deviceText],
      ['执法人员编号 Officer no.', officersOf(report)],
      ['来源 Source', report.source],
      ['工作站 Station', ingest.station_name],
      ['操作员 Operator', ingest.operator],
      ['开始 Started', wallTime(iso(ingest.started_at))],
      ['结束 Finished', ingest.finished_at === null ? '—' : wallTime(iso(ingest.finished_at))],
      ['状态 State', stateText[report.state] + (report.reason ? `：${report.reason}` : '')],
      [
        '文件 Files',
        `共 ${totals.files} 个，${sizeText(totals.bytes)}；已归档 ${totals.archived}，已在档 ${totals.duplicate}，未导入 ${totals.skipped}，失败 ${totals.failed}${totals.notReached > 0 ? `，未处理 ${totals.notReached}` : ''}`,
      ],
      ['归档位置 Archive', report.archivePath],
    ])
    .table(
      [
        // A SHA-256 in 6 pt Courier is 231 pt wide: on one line, to be read and compared.
        { title: '文件 File', width: 175 },
        { title: '大小 Size', width: 50 },
        { title: 'SHA-256', width: 238, mono: true },
        { title: '结果', width: 36 },
      ],
      report.files.map((file) => [file.source, sizeText(file.size), file.sha256 ?? '—', statusText[file.status]]),
    )
    .signatures(['交出人（执法人员）签名 Handed in by', '接收人（内勤）签名 Received by', '日期 Date'])
    .save(path);
}
