import { describe, expect, it } from 'vitest';
import { compileNamePatterns, NamePatternError } from '../../../src-main/core/recorder-names/name-patterns.js';
import { parseRecorderFileName } from '../../../src-main/core/recorder-names/parse-recorder-name.js';

describe('built-in GA/T 947 names', () => {
  it('reads serial, officer, time, sequence from the standard form', () => {
    expect(parseRecorderFileName('1234567_123456_20261126083015_0001.MP4')).toEqual({
      serial: '1234567',
      officer: '123456',
      localTime: '2026-11-26T08:30:15',
      sequence: 1,
      important: false,
      pattern: 'serial-officer-datetime',
    });
  });

  it('reads a vendor prefix, split date and time and an IMP mark without a sequence', () => {
    expect(parseRecorderFileName('DCAM_1234567_123456_20261126_083015_IMP.MP4')).toEqual({
      serial: '1234567',
      officer: '123456',
      localTime: '2026-11-26T08:30:15',
      sequence: null,
      important: true,
      pattern: 'serial-officer-datetime',
    });
  });

  it.each([
    ['1234567_123456_20261126083015_0001_IMP.MP4', 1, true],
    ['1234567_123456_20261126083015_0001IMP.mp4', 1, true],
    ['1234567_123456_20261126083015_0012_I.MP4', 12, true],
    ['1234567_123456_20261126083015_0012I.MP4', 12, true],
    ['1234567_123456_20261126083015_0001_imp.mp4', 1, true],
    ['1234567-123456-20261126-083015-0003.MP4', 3, false],
    ['1234567123456202611260830150004.MP4', 4, false],
    ['1234567_123456_20261126083015.MOV', null, false],
    ['ZFJLY-1234567_123456_20261126083015_0005.AVI', 5, false],
    ['1234567_123456_20261126083015_000006.WAV', 6, false],
    ['1234567_123456_20261126083015_0007.jpg', 7, false],
  ])('%s', (name, sequence, important) => {
    const parsed = parseRecorderFileName(name);
    expect(parsed).toMatchObject({ serial: '1234567', officer: '123456', localTime: '2026-11-26T08:30:15', sequence, important });
  });

  it('upper-cases letters in serial and officer numbers', () => {
    expect(parseRecorderFileName('a1b2c3d_j12345_20261126083015_0001.mp4')).toMatchObject({ serial: 'A1B2C3D', officer: 'J12345' });
  });

  it('reads the IMP mark in front', () => {
    expect(parseRecorderFileName('IMP_1234567_123456_20261126083015_0009.MP4')).toMatchObject({
      serial: '1234567', sequence: 9, important: true, pattern: 'imp-serial-officer-datetime',
    });
  });

  it('reads officer-first and time-first orders when separated', () => {
    expect(parseRecorderFileName('123456_1234567_20261126083015_0001.MP4')).toMatchObject({
      serial: '1234567', officer: '123456', sequence: 1, pattern: 'officer-serial-datetime',
    });
    expect(parseRecorderFileName('20261126083015_1234567_123456_0002.MP4')).toMatchObject({
      serial: '1234567', officer: '123456', localTime: '2026-11-26T08:30:15', sequence: 2, pattern: 'datetime-serial-officer',
    });
  });

  it('does not change the name it is given', () => {
    const name = 'DCAM_1234567_123456_20261126_083015_IMP.MP4';
    parseRecorderFileName(name);
    expect(name).toBe('DCAM_1234567_123456_20261126_083015_IMP.MP4');
  });
});

describe('names that look close but are not recorder names', () => {
  it.each([
    ['month 13', '1234567_123456_20261326083015_0001.MP4'],
    ['30 February', '1234567_123456_20260230083015_0001.MP4'],
    ['hour 25', '1234567_123456_20261126253015_0001.MP4'],
    ['second 60', '1234567_123456_20261126083060_0001.MP4'],
    ['a six-character serial', '123456_123456_20261126083015_0001.MP4'],
    ['an eight-character serial', '12345678_123456_20261126083015_0001.MP4'],
    ['a five-character officer number', '1234567_12345_20261126083015_0001.MP4'],
    ['a 13-digit date and time', '1234567_123456_2026112608301_0001.MP4'],
    ['no extension', '1234567_123456_20261126083015_0001'],
    ['a copy in progress', '1234567_123456_20261126083015_0001.MP4.partial'],
    ['a date-only recorder name', 'DSJ_20261126083015.MP4'],
    ['a phone camera name', 'IMG_20261126_083015.jpg'],
    ['a phone video name', 'VID_20261126_083015123.mp4'],
    ['a camera counter', 'DSC_0001.JPG'],
    ['an unrelated mark', '1234567_123456_20261126083015_0001_XYZ.MP4'],
    ['a year before digital recorders', '1234567_123456_19800101000000_0001.MP4'],
  ])('%s', (_why, name) => {
    expect(parseRecorderFileName(name)).toBeNull();
  });
});

describe('administrator patterns', () => {
  const audio = String.raw`^REC-(?<serial>[A-Z0-9]{7})-(?<datetime>\d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2})(?:-(?<seq>\d+))?\.(?:WAV|MP3)$`;

  it('read names the built-in patterns do not, with the same group names', () => {
    expect(parseRecorderFileName('REC-AB12345-2026-11-26 08.30.15-17.wav', [audio])).toEqual({
      serial: 'AB12345',
      officer: null,
      localTime: '2026-11-26T08:30:15',
      sequence: 17,
      important: false,
      pattern: 'custom-1',
    });
    expect(parseRecorderFileName('REC-AB12345-2026-11-26 08.30.15-17.wav')).toBeNull();
  });

  it('come after the built-in ones', () => {
    const everything = String.raw`^(?<serial>\d{7})_(?<officer>\d{6})_(?<datetime>\d{14})`;
    expect(parseRecorderFileName('1234567_123456_20261126083015_0001.MP4', [everything])?.pattern).toBe('serial-officer-datetime');
  });

  it('still refuse impossible dates', () => {
    expect(parseRecorderFileName('REC-AB12345-2026-13-26 08.30.15.wav', [audio])).toBeNull();
  });

  it.each([
    ['not a regular expression', '(?<serial>\\d{7}', /pattern 1 .*not a valid regular expression/],
    ['no serial', String.raw`(?<datetime>\d{14})`, /no \(\?<serial>…\) group/],
    ['no time', String.raw`(?<serial>\d{7})_(?<date>\d{8})`, /needs a \(\?<datetime>…\) group/],
    ['a misspelt group', String.raw`(?<serial>\d{7})_(?<datetime>\d{14})_(?<sequence>\d+)`, /unknown group name "sequence"/],
    ['a backreference', String.raw`(?<serial>\d{7})_\1_(?<datetime>\d{14})`, /no backreferences and no lookaround/],
    ['a lookbehind', String.raw`(?<=REC)(?<serial>\d{7})_(?<datetime>\d{14})`, /no backreferences and no lookaround/],
  ])('are refused when loaded with %s', (_why, pattern, message) => {
    expect(() => compileNamePatterns([pattern])).toThrow(NamePatternError);
    expect(() => compileNamePatterns([pattern])).toThrow(message);
  });

  it('name the failing pattern by its place in the list', () => {
    expect(() => compileNamePatterns([String.raw`(?<serial>\d{7})(?<datetime>\d{14})`, '(oops'])).toThrow(/pattern 2 \("\(oops"\)/);
  });
});
