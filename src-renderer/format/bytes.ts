const units = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** Decimal units (1 MB = 1 000 000 bytes), the same units the speed is shown in (MB/s). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

export function formatSpeed(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return '—';
  return `${(bytesPerSecond / 1_000_000).toFixed(1)} MB/s`;
}
