/**
 * File names GA/T 947 recorders write, tried in this order; the first whose fields are valid wins.
 * Each is a regular expression with named groups (serial, officer, date + time or datetime, seq,
 * imp), matched case-insensitively against the whole file name (extension included).
 *
 * Separators are optional in the serial-first forms because some vendors drop them: the fields
 * have fixed lengths, so `1234567123456202611260830150001.MP4` still reads one way only. Forms
 * that reorder the fields need separators, or they would read the same digits in several ways.
 */
export interface NamePattern {
  id: string;
  source: string;
}

const SEP = '[_-]?';
const SERIAL = '(?<serial>[A-Z0-9]{7})';
const OFFICER = '(?<officer>[A-Z0-9]{6})';
const DATE_TIME = '(?<date>\\d{8})[_-]?(?<time>\\d{6})';
const SEQ = '(?<seq>\\d{1,6})';
// `IMP` or a bare `I` after the last field marks a file the officer flagged as important.
const IMP_SUFFIX = '(?:[_-]?(?<imp>IMP|I))?';
// A vendor's device-type tag in front (`DCAM_`, `DSJ_`, `ZFJLY-`): letters only, so a serial
// (which carries digits) is never taken for it.
const VENDOR = '(?:[A-Z]{2,8}[_-])?';
const EXTENSION = '\\.[A-Z0-9]{2,5}$';

export const BUILT_IN_PATTERNS: readonly NamePattern[] = [
  // First: otherwise VENDOR below would read the leading `IMP_` as a vendor tag.
  {
    id: 'imp-serial-officer-datetime',
    source: `^(?<imp>IMP)[_-]${SERIAL}${SEP}${OFFICER}${SEP}${DATE_TIME}(?:${SEP}${SEQ})?${EXTENSION}`,
  },
  {
    id: 'serial-officer-datetime',
    source: `^${VENDOR}${SERIAL}${SEP}${OFFICER}${SEP}${DATE_TIME}(?:${SEP}${SEQ})?${IMP_SUFFIX}${EXTENSION}`,
  },
  {
    id: 'officer-serial-datetime',
    source: `^${VENDOR}${OFFICER}[_-]${SERIAL}[_-]${DATE_TIME}(?:[_-]${SEQ})?${IMP_SUFFIX}${EXTENSION}`,
  },
  {
    id: 'datetime-serial-officer',
    source: `^${VENDOR}${DATE_TIME}[_-]${SERIAL}[_-]${OFFICER}(?:[_-]${SEQ})?${IMP_SUFFIX}${EXTENSION}`,
  },
];
