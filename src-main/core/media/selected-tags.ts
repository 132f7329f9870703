import type { RawTags } from './exiftool.js';

// Tags a reviewer needs to judge where and when a file was made, by tag name in any group.
// File-system dates (File:FileModifyDate, ...) are left out on purpose: they describe the copy.
const WANTED_NAMES = new Set([
  'Make', 'Model', 'SerialNumber', 'Software', 'Encoder',
  'DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'CreationDate', 'MediaCreateDate',
  'GPSDateTime', 'GPSLatitude', 'GPSLongitude', 'GPSAltitude',
  'Warning', 'Error',
]);
const WANTED_KEYS = new Set(['File:FileType', 'File:MIMEType']);
// Composite tags are exiftool's own combinations of the above; GPSDateTime joins GPS date and time.
const SKIPPED_GROUPS = new Set(['File', 'Composite', 'System']);

function value(raw: unknown): string | number | null | undefined {
  if (raw === null || typeof raw === 'string' || typeof raw === 'number') return raw;
  if (Array.isArray(raw)) return raw.map(String).join(', ');
  return undefined;
}

export function selectTags(tags: RawTags): Record<string, string | number | null> {
  const selected: Record<string, string | number | null> = {};
  for (const [key, raw] of Object.entries(tags)) {
    const [group = '', name = ''] = key.split(':');
    const wanted =
      WANTED_KEYS.has(key) || key === 'Composite:GPSDateTime' || (!SKIPPED_GROUPS.has(group) && WANTED_NAMES.has(name));
    const v = wanted ? value(raw) : undefined;
    if (v !== undefined) selected[key] = v;
  }
  return selected;
}
