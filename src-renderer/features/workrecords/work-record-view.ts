import type { InterruptionReason, NewWorkRecord, SessionStatus, UncoveredGap, WorkRecord } from '../../../src-main/contract/index.js';
import { wallTimeAt, wallTimeToIso } from '../../format/zoned-time.js';
import { hasRole } from '../../state/roles.js';

/** Art. 12's four reasons, in the order the regulation lists them. */
export const interruptionReasons: readonly InterruptionReason[] = ['fault', 'weather', 'obstruction', 'other'];

export interface WorkRecordValues {
  deviceSerial: string;
  /** Station wall clock, as a `datetime-local` input shows it. */
  from: string;
  to: string;
  reason: InterruptionReason;
  explanation: string;
  basis: string;
  officerNumber: string;
}

export type WorkRecordField = 'deviceSerial' | 'from' | 'to' | 'explanation';
export type WorkRecordErrors = Partial<Record<WorkRecordField, string>>;

export const emptyValues = (): WorkRecordValues => ({ deviceSerial: '', from: '', to: '', reason: 'fault', explanation: '', basis: '', officerNumber: '' });

/**
 * The form for a detected pause: its device and span. The span is widened to whole minutes (the
 * inputs show minutes) so the record still covers the pause and the station links it to the gap.
 */
export function valuesFromGap(gap: UncoveredGap, zone: string): WorkRecordValues {
  const at = (iso: string | null, roundUp: boolean) => {
    const ms = iso ? Date.parse(iso) : Number.NaN;
    return Number.isNaN(ms) ? '' : wallTimeAt(roundUp ? Math.ceil(ms / 60_000) * 60_000 : ms, zone);
  };
  return { ...emptyValues(), deviceSerial: gap.device?.serial ?? '', from: at(gap.from, false), to: at(gap.to, true) };
}

export function workRecordRequest(values: WorkRecordValues, zone: string): { errors: WorkRecordErrors; request: NewWorkRecord | null } {
  const errors: WorkRecordErrors = {};
  if (values.deviceSerial === '') errors.deviceSerial = 'workRecords.errors.device';
  const from = wallTimeToIso(values.from, zone);
  const to = wallTimeToIso(values.to, zone);
  if (from === null) errors.from = 'workRecords.errors.time';
  if (to === null) errors.to = 'workRecords.errors.time';
  if (from !== null && to !== null && Date.parse(to) <= Date.parse(from)) errors.to = 'workRecords.errors.toBeforeFrom';
  const explanation = values.explanation.trim();
  if (explanation === '') errors.explanation = 'workRecords.errors.explanation';
  if (Object.keys(errors).length > 0 || from === null || to === null) return { errors, request: null };
  const basis = values.basis.trim();
  const officerNumber = values.officerNumber.trim();
  return {
    errors,
    request: {
      deviceSerial: values.deviceSerial,
      from,
      to,
      reason: values.reason,
      explanation,
      ...(basis ? { basis } : {}),
      ...(officerNumber ? { officerNumber } : {}),
    },
  };
}

/** What this user may do to one record; the core checks again, these only leave out buttons that cannot work. */
export function actionsFor(record: Pick<WorkRecord, 'state'>, status: SessionStatus): { decide: boolean; file: boolean } {
  return {
    decide: record.state === 'submitted' && hasRole(status, ['head']),
    file: record.state === 'approved' && hasRole(status, ['clerk', 'lead', 'head', 'admin']),
  };
}

/** Who may fill one in (the contract's filers). */
export const mayAddWorkRecord = (status: SessionStatus): boolean => hasRole(status, ['officer', 'clerk', 'lead', 'admin']);

/** Waiting for the head first, then the rest; newest first within each. */
export function submittedFirst(records: readonly WorkRecord[]): WorkRecord[] {
  const rank = (record: WorkRecord) => (record.state === 'submitted' ? 0 : 1);
  return [...records].sort((a, b) => rank(a) - rank(b) || b.submittedAt.localeCompare(a.submittedAt) || b.id - a.id);
}
