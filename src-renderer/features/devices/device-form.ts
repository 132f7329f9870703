import type { Device, DeviceStatus, DeviceType } from '../../../src-main/contract/index.js';
import type { CommandInput } from '../../api/types.js';

/** The form's fields as typed: text stays text until it is saved. */
export interface DeviceFormValues {
  type: DeviceType;
  serial: string;
  name: string;
  model: string;
  assetNumber: string;
  purchaseDate: string;
  status: DeviceStatus;
}

export type DeviceField = keyof DeviceFormValues;
/** Per field, the locale key of what is wrong with it. */
export type DeviceFormErrors = Partial<Record<DeviceField, string>>;

/** The contract's values in the order the form offers them (a unit test keeps them equal to the contract's). */
export const deviceTypes: readonly DeviceType[] = ['body-camera', 'camera', 'audio-recorder', 'video-camera', 'handheld-terminal', 'other'];
export const deviceStatuses: readonly DeviceStatus[] = ['in-service', 'under-repair', 'retired'];

// The contract's limits, checked here first so the officer reads the problem beside the field.
const serialMax = 64;
const textMax = 100;
const textFields = ['name', 'model', 'assetNumber'] as const;

/** The longest a field may be, for the message that says so. */
export const maxLength = (field: DeviceField): number => (field === 'serial' ? serialMax : textMax);

export function deviceFormValues(device: Device | null, serial = ''): DeviceFormValues {
  return {
    type: device?.type ?? 'body-camera',
    serial: device?.serial ?? serial,
    name: device?.name ?? '',
    model: device?.model ?? '',
    assetNumber: device?.assetNumber ?? '',
    purchaseDate: device?.purchaseDate ?? '',
    status: device?.status ?? 'in-service',
  };
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  // 2026-02-30 parses (to March): only a round trip proves the day exists.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/**
 * A date as an officer types it (2025-03-15, 2025/3/15, 2025.3.15, 2025年3月15日) as the
 * contract's YYYY-MM-DD; null when it is not a day that exists.
 */
export function typedDate(text: string): string | null {
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!parts) return null;
  const [, year = '', month = '', day = ''] = parts;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

export function validateDeviceForm(values: DeviceFormValues): DeviceFormErrors {
  const errors: DeviceFormErrors = {};
  const serial = values.serial.trim();
  if (serial === '') errors.serial = 'deviceForm.errors.serialRequired';
  else if (serial.length > serialMax) errors.serial = 'deviceForm.errors.serialTooLong';
  for (const field of textFields) if (values[field].trim().length > textMax) errors[field] = 'deviceForm.errors.tooLong';
  const date = values.purchaseDate.trim();
  if (date !== '' && typedDate(date) === null) errors.purchaseDate = 'deviceForm.errors.date';
  return errors;
}

/** A new device: blank optional fields are left out. */
export function newDeviceInput(values: DeviceFormValues): CommandInput<'devices.add'> {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return {
    type: values.type,
    serial: values.serial.trim(),
    name: optional(values.name),
    model: optional(values.model),
    assetNumber: optional(values.assetNumber),
    purchaseDate: optional(typedDate(values.purchaseDate) ?? values.purchaseDate),
    status: values.status,
  };
}

/** An edit: a field emptied is cleared (null). The serial is the device's identity and is not edited. */
export function deviceChanges(id: number, values: DeviceFormValues): CommandInput<'devices.update'> {
  const cleared = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    id,
    type: values.type,
    name: cleared(values.name),
    model: cleared(values.model),
    assetNumber: cleared(values.assetNumber),
    purchaseDate: cleared(typedDate(values.purchaseDate) ?? values.purchaseDate),
    status: values.status,
  };
}
