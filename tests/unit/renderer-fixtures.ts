import type { AttachedVolume, Role, SessionStatus } from '../../src-main/contract/index.js';

/** A key's text in a locale file's tree ('a.b.c'), or undefined where the path ends. */
export const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);

/** A session signed in by a person with `roles`. */
export const signedIn = (...roles: Role[]): SessionStatus => ({
  state: 'signed-in',
  idleLockMinutes: 15,
  person: { id: 1, name: '某人', officerNumber: null, unit: null, roles, active: true, login: 'p1' } as unknown as SessionStatus['person'],
});

/** A card in a reader, just attached and being identified, with `change` on top. */
export function attachedVolume(mountpoint: string, change: Partial<AttachedVolume> = {}): AttachedVolume {
  return {
    mountpoint,
    label: 'DSJ',
    uuid: '6FBB-F69C',
    fsType: 'exfat',
    removable: true,
    sizeBytes: 32_000_000,
    freeBytes: 16_000_000,
    deviceId: null,
    device: null,
    how: null,
    serial: null,
    state: 'identifying',
    ingestId: null,
    reason: null,
    reasonCode: null,
    safeToRemove: false,
    attachedAt: '2026-11-26T08:30:15.000+08:00',
    openCheckout: null,
    ...change,
  };
}
