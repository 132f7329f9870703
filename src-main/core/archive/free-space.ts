import { promises as fs } from 'node:fs';

/** Bytes an unprivileged writer may still use on the volume holding `path`. */
export async function availableBytes(path: string): Promise<number> {
  const stats = await fs.statfs(path);
  return stats.bavail * stats.bsize;
}

export class DiskFullError extends Error {
  constructor(
    readonly needed: number,
    readonly available: number,
  ) {
    super(`archive disk full: ${needed} bytes needed with the safety margin, ${available} free`);
  }
}

export const isNoSpace = (error: unknown): boolean =>
  ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException)?.code ?? '');
