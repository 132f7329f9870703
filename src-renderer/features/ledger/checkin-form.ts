import type { CommandInput } from '../../api/types.js';
import { wallTimeToIso } from '../../format/zoned-time.js';

export const returnConditions = ['ok', 'damaged', 'lost'] as const;

export interface CheckinValues {
  deviceSerial: string;
  /** When the desk took it back, on the station's wall clock; offered as now. */
  returnedAt: string;
  /** False while `returnedAt` is the time the form opened: the station then takes its own now. */
  returnedAtChanged: boolean;
  condition: (typeof returnConditions)[number];
  note: string;
  /** Art. 8: arrival at and leaving of the scene, both or neither. */
  arrivedAt: string;
  leftAt: string;
}

export type CheckinField = 'deviceSerial' | 'returnedAt' | 'arrivedAt' | 'leftAt';
export type CheckinErrors = Partial<Record<CheckinField, string>>;

export function checkinRequest(values: CheckinValues, zone: string): { errors: CheckinErrors; request: CommandInput<'ledger.checkin'> | null } {
  const errors: CheckinErrors = {};
  if (values.deviceSerial === '') errors.deviceSerial = 'checkin.errors.device';
  const at = values.returnedAtChanged ? wallTimeToIso(values.returnedAt, zone) : undefined;
  if (at === null) errors.returnedAt = 'checkin.errors.time';
  const scene = (wall: string) => (wall === '' ? undefined : wallTimeToIso(wall, zone));
  const arrivedAt = scene(values.arrivedAt);
  const leftAt = scene(values.leftAt);
  if (arrivedAt === null) errors.arrivedAt = 'checkin.errors.time';
  if (leftAt === null) errors.leftAt = 'checkin.errors.time';
  if (arrivedAt !== null && leftAt !== null) {
    if ((arrivedAt === undefined) !== (leftAt === undefined)) errors[arrivedAt === undefined ? 'arrivedAt' : 'leftAt'] = 'checkin.errors.bothScene';
    else if (arrivedAt !== undefined && leftAt !== undefined && Date.parse(leftAt) < Date.parse(arrivedAt)) errors.leftAt = 'checkin.errors.leftBeforeArrived';
  }
  if (Object.keys(errors).length > 0 || at === null || arrivedAt === null || leftAt === null) return { errors, request: null };
  const note = values.note.trim();
  return {
    errors,
    request: {
      deviceSerial: values.deviceSerial,
      at,
      condition: values.condition,
      note: note === '' ? undefined : note,
      arrivedAt,
      leftAt,
    },
  };
}
