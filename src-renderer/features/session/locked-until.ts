import type { CommandError } from '../../api/types.js';

/**
 * When a locked account opens again, as the station's clock reads (`2026-12-06 13:25:00`), from
 * the core's refusal: it ends "locked until <ISO time in the station's zone>". Null for any other
 * refusal, or a message that names no time.
 */
export function lockedUntil(error: CommandError): string | null {
  if (error.code !== 'locked') return null;
  const match = /until (\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(error.message);
  return match ? `${match[1]} ${match[2]}` : null;
}
