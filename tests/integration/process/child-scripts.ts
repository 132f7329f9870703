import { readFileSync } from 'node:fs';

// Small child processes made at test time: node itself (the version running the tests), so they
// behave the same everywhere; `sleep` and `yes` where a plain long-running tool is wanted.

/** `node -e script` as a command and arguments for the runner. */
export function nodeScript(script: string): [string, string[]] {
  return [process.execPath, ['-e', script]];
}

/** Whether a process is still running; a zombie waiting for its parent to reap it counts as gone. */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
