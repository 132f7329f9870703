import { describe, expect, it } from 'vitest';
import { formatBytes, formatSpeed } from '../../src-renderer/format/bytes.js';
import { formatDuration, splitSeconds } from '../../src-renderer/format/duration.js';
import { shortHash } from '../../src-renderer/format/hash.js';
import { baseName, entryPath } from '../../src-renderer/format/paths.js';
import { deviceLabel, officerLabel } from '../../src-renderer/format/people.js';
import { stationTimeFormatter } from '../../src-renderer/format/station-time.js';

describe('renderer formatting', () => {
  it('names a recorder by name and serial, and an officer by name and number, falling back to what there is', () => {
    expect(deviceLabel({ serial: 'DSJ-0003', name: '执法记录仪 3' })).toBe('执法记录仪 3 (DSJ-0003)');
    expect(deviceLabel({ serial: 'DSJ-0003', name: null })).toBe('DSJ-0003');
    expect(officerLabel({ name: '张警官', officerNumber: '110001' })).toBe('张警官（110001）');
    expect(officerLabel({ name: '王文员', officerNumber: null })).toBe('王文员');
  });

  it('shows instants in the station zone, whatever zone the process runs in', () => {
    const shanghai = stationTimeFormatter('Asia/Shanghai');
    expect(shanghai('2024-05-01T06:03:22Z')).toBe('2024-05-01 14:03:22');
    expect(shanghai('2024-12-31T16:00:00.000Z')).toBe('2025-01-01 00:00:00');
    expect(stationTimeFormatter('Europe/Berlin')('2024-05-01T06:03:22Z')).toBe('2024-05-01 08:03:22');
  });

  it('shows a dash for a missing or unreadable time', () => {
    const format = stationTimeFormatter('Asia/Shanghai');
    expect(format(null)).toBe('—');
    expect(format('not a date')).toBe('—');
  });

  it('writes sizes in decimal units with sensible precision', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.50 kB');
    expect(formatBytes(25_300_000)).toBe('25.3 MB');
    expect(formatBytes(4_000_000_000)).toBe('4.00 GB');
    expect(formatSpeed(42_500_000)).toBe('42.5 MB/s');
  });

  it('writes lengths like a clock and splits them for sentences', () => {
    expect(formatDuration(7.4)).toBe('0:07');
    expect(formatDuration(750)).toBe('12:30');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('—');
    expect(splitSeconds(3725)).toEqual({ hours: 1, minutes: 2, seconds: 5 });
  });

  it('shortens hashes to twelve digits', () => {
    expect(shortHash('a'.repeat(12) + 'b'.repeat(52))).toBe('aaaaaaaaaaaa');
  });

  it('keeps full paths from the station and joins bare names with the folder separator', () => {
    expect(entryPath('/media/card', '/media/card/DCIM')).toBe('/media/card/DCIM');
    expect(entryPath('/media/card', 'DCIM')).toBe('/media/card/DCIM');
    expect(entryPath('/', 'media')).toBe('/media');
    expect(entryPath('E:\\', 'DCIM')).toBe('E:\\DCIM');
    expect(baseName('/media/card/DCIM/')).toBe('DCIM');
    expect(baseName('E:\\DCIM\\100MEDIA')).toBe('100MEDIA');
  });
});
