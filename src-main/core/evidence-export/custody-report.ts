import type { Confidentiality } from '../../contract/index.js';
import type { AuditLogRow } from '../audit/index.js';
import { PdfForm, type Column } from '../print/index.js';
import type { IngestFacts, RecordingFacts } from './custody-facts.js';

export interface CustodyReport {
  exportId: string;
  stationName: string;
  madeBy: string;
  madeAt: number;
  purpose: string | null;
  approval: { id: number; decidedBy: string | null; decidedAt: number | null } | null;
  recordings: readonly { facts: RecordingFacts; fileName: string; level: Confidentiality }[];
  ingests: readonly IngestFacts[];
  audit: readonly AuditLogRow[];
  iso: (ms: number) => string;
}

const none = '—';
const verificationText: Record<string, string> = { o_direct: '绕过缓存直接读回磁盘比对（O_DIRECT）', buffered: '读回比对（经系统缓存）' };
const levelText: Record<Confidentiality, string> = { none: '不涉密', 'personal-privacy': '个人隐私', 'commercial-secret': '商业秘密', 'state-secret': '国家秘密' };
const basisText: Record<string, string> = { 'calibration-clip': '校时片段', gps: 'GPS', 'station-clock': '工作站时钟' };
const decisionText: Record<string, string> = { approved: '已签字确认', rejected: '已驳回' };

function driftText(ingest: IngestFacts): string {
  if (ingest.driftSeconds === null) return '未测定';
  const basis = ingest.driftBasis ? `（依据：${basisText[ingest.driftBasis] ?? ingest.driftBasis}）` : '';
  return `${ingest.driftSeconds.toFixed(1)} 秒${basis}`;
}

function findingsText(ingest: IngestFacts): string {
  if (ingest.findings.length === 0) return '无';
  return ingest.findings.map((finding) => `${finding.kind}: ${finding.details}`).join('\n');
}

function signoffText(ingest: IngestFacts, iso: (ms: number) => string): string {
  if (ingest.signoffs.length === 0) return '尚未签字';
  return ingest.signoffs
    .map((s) => `${decisionText[s.decision] ?? s.decision}　${s.signerName}　${iso(s.signedAt)}　密钥 ${s.keyId}${s.reason ? `　${s.reason}` : ''}`)
    .join('\n');
}

const auditColumns: readonly Column[] = [
  { title: '序号', width: 34 },
  { title: '时间', width: 96 },
  { title: '操作人', width: 60 },
  { title: '操作', width: 86 },
  { title: '对象', width: 96 },
  { title: '内容', width: 127 },
];

/** The custody report (保管链报告) of an export: what each file is, where it has been, who touched it. */
export async function writeCustodyReport(report: CustodyReport, file: string): Promise<void> {
  const { iso } = report;
  const ingests = new Map(report.ingests.map((ingest) => [ingest.id, ingest]));
  const form = new PdfForm(
    { title: `执法音像记录证据保管链报告 ${report.exportId}`, subject: 'Evidence export custody report' },
    { pageNumber: (page, pages) => `第 ${page} 页，共 ${pages} 页` },
  )
    .title('执法音像记录证据保管链报告', `导出编号：${report.exportId}　　工作站：${report.stationName}`)
    .facts([
      ['导出编号', report.exportId],
      ['导出人', report.madeBy],
      ['导出时间', iso(report.madeAt)],
      ['用途', report.purpose ?? none],
      ['文件数', String(report.recordings.length)],
      ['涉密审批', report.approval ? `审批单 ${report.approval.id}，${report.approval.decidedBy ?? none} 于 ${report.approval.decidedAt === null ? none : iso(report.approval.decidedAt)} 签批` : '不涉密，无需审批'],
    ]);
  report.recordings.forEach(({ facts, fileName, level }, index) => {
    const ingest = ingests.get(facts.ingestId);
    form.facts([
      [`【文件 ${index + 1}】文件名`, fileName],
      ['原始路径', facts.originalPath],
      ['大小', `${facts.size} 字节`],
      ['SHA-256', facts.sha256],
      ['设备', facts.deviceSerial ? `${facts.deviceSerial}${facts.deviceName ? `（${facts.deviceName}）` : ''}` : none],
      ['使用人（执法人员）', facts.officerName ? `${facts.officerName}${facts.officerNumber ? `（${facts.officerNumber}）` : ''}` : (facts.officerNumber ?? none)],
      ['领用时间', facts.checkedOutAt === null ? none : iso(facts.checkedOutAt)],
      ['归还时间', facts.returnedAt === null ? none : iso(facts.returnedAt)],
      ['导入批次', facts.ingestId],
      ['导入人', ingest?.operator ?? none],
      ['导入开始 / 完成', ingest ? `${iso(ingest.startedAt)} / ${ingest.finishedAt === null ? none : iso(ingest.finishedAt)}` : none],
      ['校验方式', verificationText[facts.verification] ?? facts.verification],
      ['时钟偏差', ingest ? driftText(ingest) : none],
      ['导入发现的问题', ingest ? findingsText(ingest) : none],
      ['负责人签字', ingest ? signoffText(ingest, iso) : none],
      ['密级', levelText[level]],
    ]);
  });
  await form
    .facts([['审计记录（与上述文件、导入批次有关）', `${report.audit.length} 条`]])
    .table(
      auditColumns,
      report.audit.map((row) => [String(row.seq), iso(row.at), row.actor, row.action, row.object ?? none, row.details_json.slice(0, 300)]),
      { cellSize: 6.5, headerSize: 7, empty: '无审计记录' },
    )
    .signatures(['导出人签名', '接收人签名', '日期'])
    .save(file);
}
