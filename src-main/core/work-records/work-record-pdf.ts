import type { InterruptionReason, WorkRecord, WorkRecordState } from '../../contract/index.js';
import { PdfForm } from '../print/index.js';

/** Art. 12's four reasons, in the regulation's words. */
export const reasonText: Record<InterruptionReason, string> = {
  fault: '设备故障、损坏，电量不足或存储空间已满',
  weather: '恶劣天气等自然因素',
  obstruction: '当事人或其他人员阻挠',
  other: '其他不可抗力',
};

const stateText: Record<WorkRecordState, string> = {
  submitted: '已提交，待主要领导审核',
  approved: '主要领导已批准',
  rejected: '主要领导未批准',
  filed: '已批准，已备案存档',
};

const none = '—';
/** An ISO time in the station's zone as a wall clock to the second: `2026-11-26 08:30:15`. */
const wall = (iso: string | null): string => (iso === null ? none : iso.slice(0, 19).replace('T', ' '));

export interface FormHeader {
  stationName: string;
  printedAt: string;
}

function decisionRows(record: WorkRecord): [string, string][] {
  if (record.decidedAt === null) return [['审核结果', '尚未审核']];
  return [
    ['审核结果', record.state === 'rejected' ? '不批准' : '批准'],
    ['审核意见', record.decisionReason ?? none],
    ['审核人', record.decidedBy ?? none],
    ['审核时间', wall(record.decidedAt)],
    ['电子签名声明摘要（SHA-256）', record.statementSha256 ?? none],
  ];
}

/** The work record to print, sign by hand and file: every field, the head's signed decision, and three signature lines. */
export async function writeWorkRecordPdf(record: WorkRecord, header: FormHeader, file: string): Promise<void> {
  const gap = record.gapFinding;
  await new PdfForm({ title: `执法记录仪中断记录工作记录 第 ${record.id} 号`, subject: 'Interruption work record (Art. 12)' })
    .title('执法记录仪中断记录工作记录', `编号：${record.id}　　工作站：${header.stationName}　　打印时间：${wall(header.printedAt)}`)
    .facts([
      ['设备编号', record.device.serial],
      ['设备名称', record.device.name ?? none],
      ['执法人员', record.officer ? record.officer.name : none],
      ['执法人员编号', record.officer?.officerNumber ?? none],
      ['领用记录编号', record.checkoutId === null ? none : String(record.checkoutId)],
      ['中断开始时间', wall(record.from)],
      ['中断结束时间', wall(record.to)],
      ['中断原因', reasonText[record.reason]],
      ['情况说明', record.explanation],
      ['依据', record.basis ?? none],
      ['检测到的记录中断', gap ? `第 ${gap.findingId} 号发现：${wall(gap.from)} 至 ${wall(gap.to)}，${gap.gapSeconds} 秒` : '未关联'],
      ['填报人', record.submittedBy],
      ['填报时间', wall(record.submittedAt)],
      ['状态', stateText[record.state]],
      ...decisionRows(record),
      ['备案人', record.filedBy ?? none],
      ['备案时间', wall(record.filedAt)],
    ])
    .signatures(['填报人签名', '日期', '执法队负责人签名', '日期', '单位主要领导签名', '日期'])
    .save(file);
}
