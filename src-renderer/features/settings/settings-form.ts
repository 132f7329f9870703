type Parsed = { ok: true; value: number } | { ok: false; error: string };

function parseWhole(text: string, min: number, max: number, notWhole: string, outOfRange: string): Parsed {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: notWhole };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, error: outOfRange };
  return { ok: true, value };
}

/** A whole number of seconds typed into a settings field, or the locale key of what is wrong with it. */
export const parseSeconds = (text: string, min: number, max: number): Parsed => parseWhole(text, min, max, 'settings.errors.wholeSeconds', 'settings.errors.range');

/** A whole number of months (the disc re-check interval), or the locale key of what is wrong with it. */
export const parseMonths = (text: string, min: number, max: number): Parsed => parseWhole(text, min, max, 'settings.errors.wholeMonths', 'settings.errors.rangeMonths');
