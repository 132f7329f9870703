// What a contender costs: wall time, CPU of the process and everything it starts, peak memory.
//
// CPU: each contender runs in a cpuacct cgroup of its own (cgroup v1, root). That counts the
// station's children (exiftool, ffprobe, ffmpeg) even when one is not waited for (exiftool in
// -stay_open mode dies of its parent-death signal after the station exits, and getrusage's
// RUSAGE_CHILDREN never sees it). The FUSE daemons serving the volumes are not in it: they were
// started by the bench's volume helper, daemonised, long before the contender; fuseNotMeasured() checks.
// Without cgroups (not root) the station's own figure is used instead: its CPU plus its waited-for
// children's, read from /proc/self/stat as it exits.
//
// Peak RSS: the station process's own high-water mark (getrusage maxRSS), written as it exits.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const cpuacctRoot = '/sys/fs/cgroup/cpuacct';
let groups = 0;

export const cgroupCpu = () => process.getuid?.() === 0 && existsSync(join(cpuacctRoot, 'cpuacct.usage_user'));

async function newCpuGroup() {
  if (!cgroupCpu()) return null;
  const dir = join(cpuacctRoot, `station-bench-${process.pid}-${++groups}`);
  await mkdir(dir);
  return dir;
}

/** Reads the group's CPU (ms) once its last process is gone (an orphaned child may outlive the contender briefly), and removes it. */
async function closeCpuGroup(dir) {
  const until = Date.now() + 5000;
  while ((await readFile(join(dir, 'cgroup.procs'), 'utf8')).trim() !== '' && Date.now() < until) await sleep(20);
  const ns = async (file) => Number((await readFile(join(dir, file), 'utf8')).trim());
  const cpuMs = ((await ns('cpuacct.usage_user')) + (await ns('cpuacct.usage_sys'))) / 1e6;
  await rmdir(dir).catch(() => undefined);
  return cpuMs;
}

/** True when no FUSE daemon is in the contender's CPU group (when it has one) nor a child of its process. */
export async function fuseNotMeasured(fusePids, contenderPid, groupDir) {
  const members = groupDir ? (await readFile(join(groupDir, 'cgroup.procs'), 'utf8')).split('\n').filter(Boolean).map(Number) : [];
  for (const pid of fusePids) {
    const parent = Number((await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ')[1]);
    if (members.includes(pid) || parent === contenderPid) return false;
  }
  return true;
}

/** A module loaded into the station with `node --import`: its resource usage, written as it exits. */
export async function writeUsageHook(workDir) {
  const hook = join(workDir, 'usage-hook.mjs');
  const usageFile = join(workDir, 'usage.json');
  await writeFile(
    hook,
    [
      `import { readFileSync, writeFileSync } from 'node:fs';`,
      `process.on('exit', () => {`,
      // Fields 14–17 of /proc/self/stat: utime, stime, cutime, cstime in clock ticks (100 a second).
      `  const ticks = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').slice(11, 15).map(Number);`,
      `  writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, cpuMsWithChildren: ticks.reduce((a, b) => a + b, 0) * 10 }));`,
      `});`,
      '',
    ].join('\n'),
  );
  return { hookUrl: pathToFileURL(hook).href, usageFile };
}

/**
 * Starts a command in a CPU group of its own; `onLine` sees its stdout line by line. Returns the
 * child, its group (or null) and `finished`, which resolves with {code, stdout, stderr, ms, cpuMs}.
 */
export async function startMeasured(command, args, { onLine, onStart } = {}) {
  const group = await newCpuGroup();
  // The shell joins the group, then becomes the command: everything it starts is counted.
  const child = group
    ? spawn('sh', ['-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', group, command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = performance.now();
  onStart?.({ child, group });
  let stdout = '';
  let stderr = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdout += `${line}\n`;
    onLine?.(line, performance.now() - started);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const finished = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      (group ? closeCpuGroup(group) : Promise.resolve(null)).then((cpuMs) => resolve({ code, stdout, stderr, ms, cpuMs }), reject);
    });
  });
  return { child, group, started, finished };
}

/** Runs a command to its end in a CPU group: {code, stdout, stderr, ms, cpuMs}. */
export async function measured(command, args) {
  return (await startMeasured(command, args)).finished;
}

/** Runs the station CLI (Node 24 as this one, the usage hook loaded); adds maxRssKiB and the CPU figure used. */
export function stationRunner(cliEntry, usage) {
  const args = (stationArgs) => ['--import', usage.hookUrl, cliEntry, ...stationArgs];
  const withUsage = async (result) => {
    const own = JSON.parse(await readFile(usage.usageFile, 'utf8'));
    return { ...result, maxRssKiB: own.maxRSS, cpuMs: result.cpuMs ?? own.cpuMsWithChildren };
  };
  return {
    async start(stationArgs, options) {
      await rm(usage.usageFile, { force: true });
      const started = await startMeasured(process.execPath, args(stationArgs), options);
      return { ...started, finished: started.finished.then(withUsage) };
    },
    async run(stationArgs, options) {
      return (await this.start(stationArgs, options)).finished;
    },
  };
}
