import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceStatus, DeviceType, commands, type Device } from '../../src-main/contract/index.js';
import {
  deviceChanges,
  deviceFormValues,
  deviceStatuses,
  deviceTypes,
  maxLength,
  newDeviceInput,
  typedDate,
  validateDeviceForm,
} from '../../src-renderer/features/devices/device-form.js';
import { parseSeconds } from '../../src-renderer/features/settings/settings-form.js';
import { lookup } from './renderer-fixtures.js';

const device: Device = {
  id: 7,
  type: 'camera',
  serial: 'CAM0001',
  name: '取证相机',
  model: 'EOS',
  assetNumber: null,
  purchaseDate: '2026-03-01',
  status: 'in-service',
  metadataLocalTime: false,
};

const locale = (file: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../src-renderer/i18n', file), 'utf8'));

describe('the device form', () => {
  it('offers exactly the contract’s types and statuses', () => {
    expect([...deviceTypes].sort()).toEqual([...DeviceType.options].sort());
    expect([...deviceStatuses].sort()).toEqual([...DeviceStatus.options].sort());
  });

  it('starts empty for a new device (with a serial read from a card) and filled for an edit', () => {
    expect(deviceFormValues(null, '1234567')).toEqual({
      type: 'body-camera', serial: '1234567', name: '', model: '', assetNumber: '', purchaseDate: '', status: 'in-service',
    });
    expect(deviceFormValues(device)).toMatchObject({ serial: 'CAM0001', assetNumber: '', purchaseDate: '2026-03-01' });
  });

  it('names each problem by field, as locale keys both languages hold', () => {
    const errors = validateDeviceForm({ ...deviceFormValues(null), serial: '  ', name: 'x'.repeat(101), purchaseDate: '2026-02-30' });
    expect(errors).toEqual({ serial: 'deviceForm.errors.serialRequired', name: 'deviceForm.errors.tooLong', purchaseDate: 'deviceForm.errors.date' });
    expect(validateDeviceForm({ ...deviceFormValues(null), serial: 'S'.repeat(65) })).toEqual({ serial: 'deviceForm.errors.serialTooLong' });
    expect(validateDeviceForm({ ...deviceFormValues(null), serial: 'S'.repeat(64), purchaseDate: '2024-02-29' })).toEqual({});
    expect([maxLength('serial'), maxLength('assetNumber')]).toEqual([64, 100]);
    expect(validateDeviceForm({ ...deviceFormValues(null), serial: '1', purchaseDate: '1.3.2026' })).toEqual({ purchaseDate: 'deviceForm.errors.date' });
    const keys = ['deviceForm.errors.serialRequired', 'deviceForm.errors.serialTooLong', 'deviceForm.errors.tooLong', 'deviceForm.errors.date'];
    for (const file of ['zh-CN.json', 'en.json']) for (const key of keys) expect(typeof lookup(locale(file), key), `${file} ${key}`).toBe('string');
  });

  it('takes dates as officers type them, and a picked one, as YYYY-MM-DD; a day that does not exist is refused', () => {
    expect(['2025/3/15', '2025-03-15', ' 2025.3.15 ', '2025年3月15日', '2025 / 03 / 15'].map(typedDate)).toEqual(Array(5).fill('2025-03-15'));
    for (const text of ['2025/2/30', '15/3/2025', '2025/13/1', '3月15日', '']) expect(typedDate(text), text).toBeNull();
    expect(validateDeviceForm({ ...deviceFormValues(null), serial: '1', purchaseDate: '2025/3/15' })).toEqual({});
    const added = newDeviceInput({ ...deviceFormValues(null), serial: '1', purchaseDate: '2025/3/15' });
    expect(added.purchaseDate).toBe('2025-03-15');
    expect(commands['devices.add'].input.safeParse(added).success).toBe(true);
    expect(deviceChanges(device.id, { ...deviceFormValues(device), purchaseDate: '2024年2月29日' }).purchaseDate).toBe('2024-02-29');
  });

  it('sends what the contract accepts: blanks left out when adding, cleared when editing, never the serial on an edit', () => {
    const values = { ...deviceFormValues(null, ' 1234567 '), name: ' 张三 ', model: '' };
    const added = newDeviceInput(values);
    expect(added).toEqual({ type: 'body-camera', serial: '1234567', name: '张三', model: undefined, assetNumber: undefined, purchaseDate: undefined, status: 'in-service' });
    expect(commands['devices.add'].input.safeParse(added).success).toBe(true);

    const changes = deviceChanges(device.id, { ...deviceFormValues(device), name: '', status: 'retired' });
    expect(changes).toEqual({ id: 7, type: 'camera', name: null, model: 'EOS', assetNumber: null, purchaseDate: '2026-03-01', status: 'retired' });
    expect(commands['devices.update'].input.safeParse(changes).success).toBe(true);
    expect('serial' in changes).toBe(false);
  });
});

describe('the settings form', () => {
  it('takes whole seconds within the bounds and says what is wrong otherwise', () => {
    expect(parseSeconds(' 45 ', 0, 86_400)).toEqual({ ok: true, value: 45 });
    expect(parseSeconds('0', 0, 86_400)).toEqual({ ok: true, value: 0 });
    expect(parseSeconds('0', 1, 86_400)).toEqual({ ok: false, error: 'settings.errors.range' });
    expect(parseSeconds('90000', 0, 86_400)).toEqual({ ok: false, error: 'settings.errors.range' });
    for (const text of ['', '1.5', '-3', '半分钟', '1e3']) expect(parseSeconds(text, 0, 86_400)).toEqual({ ok: false, error: 'settings.errors.wholeSeconds' });
    for (const file of ['zh-CN.json', 'en.json']) {
      expect(typeof lookup(locale(file), 'settings.errors.range')).toBe('string');
      expect(typeof lookup(locale(file), 'settings.errors.wholeSeconds')).toBe('string');
    }
  });
});
