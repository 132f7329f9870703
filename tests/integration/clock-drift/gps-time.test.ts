import { describe, expect, it } from 'vitest';
import { gpsTimeFromTag } from '../../../src-main/core/clock-drift/clock-input.js';

describe("exiftool's Composite:GPSDateTime", () => {
  it('becomes ISO-8601 UTC, with a fraction of a second when there is one', () => {
    expect(gpsTimeFromTag('2026:11:26 00:30:15Z')).toBe('2026-11-26T00:30:15.000Z');
    expect(gpsTimeFromTag('2026:11:26 00:30:15.5Z')).toBe('2026-11-26T00:30:15.500Z');
    expect(gpsTimeFromTag('2026:11:26 23:59:59.9996Z')).toBe('2026-11-26T23:59:59.999Z');
  });

  it('is null for a receiver without a fix, an impossible date, or no tag', () => {
    expect(gpsTimeFromTag('0000:00:00 00:00:00Z')).toBeNull();
    expect(gpsTimeFromTag('2026:13:26 00:30:15Z')).toBeNull();
    expect(gpsTimeFromTag(undefined)).toBeNull();
    expect(gpsTimeFromTag(20261126)).toBeNull();
  });
});
