import type { IngestProgress } from '../../contract/index.js';

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function progressLine(p: IngestProgress): string {
  return (
    `${p.phase.padEnd(8)} ${p.filesDone}/${p.filesTotal} files  ` +
    `${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}  ` +
    `${formatBytes(p.bytesPerSecond)}/s  left ${formatDuration(p.secondsLeft)}  ${p.currentFile ?? ''}`
  );
}
