import { runTool } from '../process/index.js';

/** What the file system on a block device calls itself. */
export interface BlockIdentity {
  label: string | null;
  uuid: string | null;
  fsType: string | null;
}

const none: BlockIdentity = { label: null, uuid: null, fsType: null };
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** `lsblk -J -o PATH,LABEL,UUID,FSTYPE --nodeps DEVICE` output. */
export function parseLsblkJson(stdout: string): BlockIdentity {
  const parsed = JSON.parse(stdout) as { blockdevices?: Array<Record<string, unknown>> };
  const device = parsed.blockdevices?.[0];
  if (!device) return none;
  return { label: text(device.label), uuid: text(device.uuid), fsType: text(device.fstype) };
}

// udev encodes unsafe bytes of a label as \xHH and leaves valid UTF-8 alone.
const decodeUdev = (value: string): string => value.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** `blkid -p -o udev DEVICE` output; its plain export format mangles non-ASCII labels, this one does not. */
export function parseBlkidUdev(stdout: string): BlockIdentity {
  const values = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0) values.set(line.slice(0, equals), line.slice(equals + 1));
  }
  const encoded = (key: string) => {
    const value = values.get(`${key}_ENC`);
    return value === undefined ? text(values.get(key)) : text(decodeUdev(value));
  };
  return { label: encoded('ID_FS_LABEL'), uuid: encoded('ID_FS_UUID'), fsType: text(values.get('ID_FS_TYPE')) };
}

// Both answer in milliseconds; a device that hangs its reads must not hang the volume scanner.
const IDENTITY_TIMEOUT_MS = 3000;

/** The tool's stdout, or null when it is missing, fails or hangs: the identity is then unknown. */
async function tryRun(command: string, args: string[]): Promise<string | null> {
  try {
    return (await runTool(command, args, { timeoutMs: IDENTITY_TIMEOUT_MS })).stdout;
  } catch {
    return null;
  }
}

/**
 * Label, UUID and type of the file system on `device`. lsblk answers from the udev database; where
 * there is none (containers, minimal systems) blkid reads the superblock itself, which needs root.
 */
export async function probeBlockIdentity(device: string): Promise<BlockIdentity> {
  const lsblk = await tryRun('lsblk', ['-J', '-o', 'PATH,LABEL,UUID,FSTYPE', '--nodeps', device]);
  const fromLsblk = lsblk === null ? none : parseLsblkJson(lsblk);
  if (fromLsblk.label !== null || fromLsblk.uuid !== null) return fromLsblk;
  const blkid = await tryRun('blkid', ['-p', '-o', 'udev', device]);
  return blkid === null ? fromLsblk : parseBlkidUdev(blkid);
}
