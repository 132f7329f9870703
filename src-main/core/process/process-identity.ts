import { readFileSync } from 'node:fs';

/**
 * Who a PID is, beyond its number: on Linux, the boot and the moment the process started (field 22
 * of /proc/<pid>/stat, in clock ticks since boot), which no later process with the same PID shares.
 * Null where that cannot be read (another system, or the process is gone).
 */
export function processIdentity(pid: number): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = fields[22 - 3];
    return startTicks === undefined ? null : `${boot}:${startTicks}`;
  } catch {
    return null;
  }
}

/**
 * Whether the process that recorded `identity` under `pid` still runs. With no identity recorded
 * (older rows, other systems) the PID alone decides.
 */
export function isProcessAlive(pid: number, identity: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (identity === null) return true;
  const now = processIdentity(pid);
  return now === null || now === identity;
}
