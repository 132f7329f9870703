/** Under this much time left, a deadline turns amber: the ingest must not wait for the next shift. */
export const soonSeconds = 4 * 3600;

export type CountdownTone = 'ok' | 'soon' | 'overdue';

export function countdownTone(secondsLeft: number): CountdownTone {
  if (secondsLeft < 0) return 'overdue';
  return secondsLeft < soonSeconds ? 'soon' : 'ok';
}

/** `23:59:07`, or `26:00:00` past a day: hours run on so the figure is read at a glance; the sign is said in words. */
export function countdownFigures(secondsLeft: number): string {
  const whole = Math.floor(Math.abs(secondsLeft));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}
