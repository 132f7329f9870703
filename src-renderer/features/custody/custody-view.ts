import type { CommandError } from '../../api/types.js';
import type { Confidentiality, SessionStatus } from '../../../src-main/contract/index.js';
import { hasRole } from '../../state/roles.js';

export const levels = ['none', 'personal-privacy', 'commercial-secret', 'state-secret'] as const satisfies readonly Confidentiality[];

/** Locale key of a level's name (无 / 个人隐私 / 商业秘密 / 国家秘密). */
export const levelKey = (level: Confidentiality): string => `confidentiality.level.${level}`;

/** Whether going from one level to another lowers it: only the head may, the core refuses others. */
export const lowers = (from: Confidentiality, to: Confidentiality): boolean => levels.indexOf(to) < levels.indexOf(from);

/** Who is offered the 密级 control (the contract's classifiers); the core still decides each change. */
export const classifies = (status: SessionStatus): boolean => hasRole(status, ['clerk', 'lead', 'head']);
/** Who is offered the export button (the contract's exporters). */
export const exports = (status: SessionStatus): boolean => hasRole(status, ['clerk', 'lead', 'head', 'auditor', 'admin']);
/** Who decides export approvals: the head alone. */
export const decidesExports = (status: SessionStatus): boolean => hasRole(status, ['head']);

export type ExportTarget = { recordingIds: number[] } | { ingestId: string };
export type ExportInput = ExportTarget & { out: string; zip: boolean; purpose?: string };
export type ExportProblem = 'out-needed';

/** What the export dialog sends, or why it cannot yet: the output folder is required, an empty purpose is left out. */
export function exportInput(selection: ExportTarget, out: string, zip: boolean, purpose: string): { ok: true; input: ExportInput } | { ok: false; problems: ExportProblem[] } {
  const folder = out.trim();
  if (folder === '') return { ok: false, problems: ['out-needed'] };
  const text = purpose.trim();
  return { ok: true, input: { ...selection, out: folder, zip, ...(text ? { purpose: text } : {}) } };
}

/**
 * The approval request an `approval-needed` refusal filed: the core names it in its message
 * ("approval request 7 filed…", or "approval 7 was used…"); null when it names none.
 */
export function approvalRequestId(error: Pick<CommandError, 'code' | 'message'>): number | null {
  if (error.code !== 'approval-needed') return null;
  const match = /approval (?:request )?(\d+)/.exec(error.message);
  return match ? Number(match[1]) : null;
}
