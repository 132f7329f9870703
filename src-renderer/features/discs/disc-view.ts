import type {
  DiscCopy,
  DiscCopyName,
  DiscMedia,
  DiscPhase,
  DiscReason,
  DiscRequest,
  DiscRequestState,
  NewDiscRequest,
  SessionStatus,
} from '../../../src-main/contract/index.js';
import { hasRole } from '../../state/roles.js';

/** Art. 16's reasons, in the order the article names them. */
export const discReasons: readonly DiscReason[] = ['dispute', 'obstruction', 'major'];
/**
 * The media, smallest first, each with its exact capacity in bytes: the contract's `mediaCapacity`
 * (the renderer imports only the contract's types; a unit test holds the two equal).
 */
export const mediaCapacities: Readonly<Record<DiscMedia, number>> = {
  'cd-r': 737_280_000,
  'dvd+r': 4_700_372_992,
  'dvd-r': 4_707_319_808,
  'dvd+r-dl': 8_547_991_552,
  'bd-r': 25_025_314_816,
  'bd-r-dl': 50_050_629_632,
};
export const discMedia = Object.keys(mediaCapacities) as DiscMedia[];
/** The steps of a burn and its checks, in the order they run. */
export const discPhases: readonly DiscPhase[] = ['imaging', 'burning', 'reading', 'md5', 'manifest'];
export const copyNames: readonly DiscCopyName[] = ['A', 'B'];

/**
 * What this user may do on the page (the contract's roles). The core checks again; these only
 * leave out buttons that cannot work.
 */
export const mayRequestDisc = (status: SessionStatus): boolean => hasRole(status, ['officer', 'clerk', 'lead', 'head', 'admin']);
export const isDiscStaff = (status: SessionStatus): boolean => hasRole(status, ['clerk', 'lead', 'head', 'admin']);
/** A lead decides; footage above `none` needs the head. */
export function mayDecideDisc(request: Pick<DiscRequest, 'state' | 'confidentiality'>, status: SessionStatus): boolean {
  if (request.state !== 'requested') return false;
  return request.confidentiality === 'none' ? hasRole(status, ['lead', 'head']) : hasRole(status, ['head']);
}
/** Planning (again) is possible until a copy has been burned. */
export const mayPlan = (request: Pick<DiscRequest, 'state'>, status: SessionStatus): boolean =>
  (request.state === 'approved' || request.state === 'planned') && isDiscStaff(status);

/** Which copy actions fit a copy's state. */
export function copyActions(copy: Pick<DiscCopy, 'state'>): { burn: boolean; verify: boolean; store: boolean } {
  return {
    burn: copy.state === 'planned' || copy.state === 'image-only' || copy.state === 'failed',
    verify: copy.state === 'verified' || copy.state === 'stored' || copy.state === 'failed',
    store: copy.state === 'verified' || copy.state === 'stored',
  };
}

export type SourceKind = 'ingest' | 'recordings' | 'checkout';

export interface RequestValues {
  kind: SourceKind;
  ingestId: string;
  recordingIds: string;
  checkoutId: string;
  reason: DiscReason;
  caseNumber: string;
  caseName: string;
}
export type RequestField = 'source' | 'caseNumber' | 'caseName';
export type RequestErrors = Partial<Record<RequestField, string>>;

export const emptyRequest = (): RequestValues => ({ kind: 'ingest', ingestId: '', recordingIds: '', checkoutId: '', reason: 'dispute', caseNumber: '', caseName: '' });

/** Recording ids as typed: numbers separated by commas, spaces or Chinese commas; null when any is not a number. */
export function parseRecordingIds(text: string): number[] | null {
  const parts = text.split(/[\s,，、]+/).filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part))) return null;
  return [...new Set(parts.map(Number))];
}

/** The request as sent, or the locale keys of what is missing. */
export function discRequestInput(values: RequestValues): { errors: RequestErrors; input: NewDiscRequest | null } {
  const errors: RequestErrors = {};
  const caseNumber = values.caseNumber.trim();
  const caseName = values.caseName.trim();
  let source: Pick<NewDiscRequest, 'ingestId' | 'recordingIds' | 'checkoutId'> | null = null;
  if (values.kind === 'ingest') {
    if (values.ingestId === '') errors.source = 'discs.errors.ingest';
    else source = { ingestId: values.ingestId };
  } else if (values.kind === 'recordings') {
    const ids = parseRecordingIds(values.recordingIds);
    if (ids === null) errors.source = 'discs.errors.recordings';
    else source = { recordingIds: ids };
  } else if (/^\d+$/.test(values.checkoutId)) source = { checkoutId: Number(values.checkoutId) };
  else errors.source = 'discs.errors.checkout';
  if (caseNumber === '') errors.caseNumber = 'discs.errors.caseNumber';
  if (caseName === '') errors.caseName = 'discs.errors.caseName';
  if (source === null || Object.keys(errors).length > 0) return { errors, input: null };
  return { errors, input: { ...source, reason: values.reason, caseNumber, caseName } };
}

/** A typed path is a file (or block device) used as the drive: xorriso's `stdio:` form. */
export function driveSpec(choice: { kind: 'device'; device: string } | { kind: 'file'; path: string }): string | null {
  if (choice.kind === 'device') return choice.device === '' ? null : choice.device;
  const path = choice.path.trim();
  if (path === '') return null;
  return path.startsWith('stdio:') ? path : `stdio:${path}`;
}

/** Requests waiting on someone first (a decision, a plan, a burn), finished and rejected last; newest first within each. */
const stateRank: Record<DiscRequestState, number> = { requested: 0, approved: 1, planned: 2, burning: 2, verified: 3, labelled: 3, stored: 4, rejected: 5 };
export function queueOrder(requests: readonly DiscRequest[]): DiscRequest[] {
  return [...requests].sort((a, b) => stateRank[a.state] - stateRank[b.state] || b.requestedAt.localeCompare(a.requestedAt) || b.requestId - a.requestId);
}

