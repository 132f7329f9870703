// The macOS burner: drutil(1) lists drives and media, hdiutil(1) burns the image and, by its
// default, reads the disc back to verify it. Written against their manual pages and NOT run on
// our machines: only its output parsers are tested (tests/unit/discs/burner-backends.test.ts).
import { BurnError, type DiscBurner, type RunTool } from './burner.js';
import { hdiutilDevice, hdiutilFailure, hdiutilProgress, parseDrutilList, parseDrutilStatus, type DrutilDrive } from './hdiutil-output.js';
import { burnTimeoutMs, refuseBeforeWriting, runFailure } from './refuse-before-writing.js';

const QUERY_TIMEOUT_MS = 30_000;

async function listDrives(run: RunTool, signal?: AbortSignal): Promise<DrutilDrive[]> {
  const { stdout } = await run('drutil', ['list'], { timeoutMs: QUERY_TIMEOUT_MS, signal, name: 'drutil list' });
  return parseDrutilList(stdout);
}

async function status(run: RunTool, drive: DrutilDrive, signal?: AbortSignal) {
  const { stdout } = await run('drutil', ['status', '-drive', String(drive.index)], { timeoutMs: QUERY_TIMEOUT_MS, signal, name: 'drutil status' });
  return parseDrutilStatus(stdout);
}

function find(drives: readonly DrutilDrive[], drive: string): DrutilDrive {
  const found = drives.find((candidate) => String(candidate.index) === drive.trim());
  if (found === undefined) throw new BurnError('failed', `no burner ${drive}: drutil lists ${drives.map((d) => d.index).join(', ') || 'none'}`);
  return found;
}

export const hdiutilBurner: DiscBurner = {
  name: 'hdiutil',

  async drives(run, signal) {
    const drives = await listDrives(run, signal);
    const listed = [];
    for (const drive of drives) {
      const { kind, blank, freeBytes } = await status(run, drive, signal);
      listed.push({ device: String(drive.index), vendor: drive.vendor, model: drive.product, media: { kind, blank, freeBytes } });
    }
    return listed;
  },

  async media(run, drive, signal) {
    const { kind, blank, freeBytes } = await status(run, find(await listDrives(run, signal), drive), signal);
    if (kind === 'none') throw new BurnError('no-disc', `no disc in drive ${drive} (or its tray is open)`);
    return { kind, blank, freeBytes };
  },

  async burn(run, request) {
    const { signal } = request;
    try {
      const drives = await listDrives(run, signal);
      const drive = find(drives, request.drive);
      // hdiutil burn waits for a disc when none is in: the medium is checked first, so it never does.
      refuseBeforeWriting(await status(run, drive, signal), request.bytes, `drive ${request.drive}`);
      const list = await run('hdiutil', ['burn', '-list'], { timeoutMs: QUERY_TIMEOUT_MS, signal, name: 'hdiutil burn -list' });
      const device = hdiutilDevice(list.stdout, drive, drives.length);
      // -noeject: the station reads the disc back itself after the burn. -forceclose: an archival
      // disc is closed, nothing can be appended. No -noverifyburn: hdiutil's own verify stays on.
      const onLine = hdiutilProgress(request.bytes, (bytes) => request.onBytes?.(bytes));
      await run('hdiutil', ['burn', request.image, '-device', device, '-noeject', '-forceclose', '-puppetstrings'], {
        timeoutMs: burnTimeoutMs(request.bytes),
        signal,
        name: 'hdiutil burn',
        onLine: (line, stream) => {
          if (stream === 'stdout') onLine(line);
        },
      });
    } catch (error) {
      if (error instanceof BurnError) throw error;
      const failure = runFailure(error, signal);
      throw failure.failure === 'failed' ? new BurnError(hdiutilFailure(failure.message), failure.message) : failure;
    }
  },
};
