import type { ActivityCategory, CheckoutState, LedgerEntry, PreUseChecks } from '../../contract/index.js';

/** What the printed and the exported ledger say at their top: whose ledger, for which days. */
export interface LedgerExportHeader {
  /** The office (单位); the station's name stands in where none is set. */
  unit: string | null;
  stationName: string;
  /** The period's first and last day (YYYY-MM-DD), null where open. */
  from: string | null;
  to: string | null;
  /** ISO-8601 with offset, in the station's zone. */
  printedAt: string;
  language: 'zh-CN';
}

export const ledgerTitle = '执法音像记录设备使用登记台账';

export const stateText: Record<CheckoutState, string> = {
  out: '使用中',
  'overdue-return': '逾期未还',
  returned: '待存储',
  ingested: '已按时存储',
  late: '逾期存储',
  overdue: '逾期未存储',
};

export const categoryText: Record<ActivityCategory, string> = {
  investigation: '调查取证',
  hearing: '听证',
  'on-site': '现场执法',
  'service-left': '留置送达',
  'service-notice': '公告送达',
};

export const checkText: Record<PreUseChecks['battery'], string> = { ok: '正常', fail: '异常' };

export const conditionText: Record<NonNullable<LedgerEntry['condition']>, string> = { ok: '完好', damaged: '损坏', lost: '丢失' };

export const unitName = (header: LedgerExportHeader): string => header.unit ?? header.stationName;

export function periodText(header: LedgerExportHeader): string {
  if (header.from && header.to) return `${header.from} 至 ${header.to}`;
  if (header.from) return `${header.from} 起`;
  if (header.to) return `截至 ${header.to}`;
  return '全部';
}

/**
 * The ledger's times come in the station's zone with their offset (`2026-12-01T08:30:00+08:00`);
 * the ledger shows the wall time to the minute, as the desk wrote it: `2026-12-01 08:30`.
 */
export const wallMinute = (time: string): string => `${time.slice(0, 10)} ${time.slice(11, 16)}`;

/** Art. 13 needs a reason for a late ingest; the lead must see at a glance that none was given. */
export const lateReasonText = (entry: LedgerEntry): string | null =>
  entry.lateReason ?? (entry.state === 'late' ? '未填写' : null);

export const durationText = (seconds: number): string => {
  const whole = Math.round(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(whole / 3600)}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
};
