/** A whole number of seconds typed into a settings field, or the locale key of what is wrong with it. */
export function parseSeconds(text: string, min: number, max: number): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: 'settings.errors.wholeSeconds' };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, error: 'settings.errors.range' };
  return { ok: true, value };
}
