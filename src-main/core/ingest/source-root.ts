import { promises as fs } from 'node:fs';

/** Which directory the source root was when reading began: a device and an inode number. */
export interface SourceRootIdentity {
  dev: number;
  ino: number;
}

export async function sourceRootIdentity(root: string): Promise<SourceRootIdentity> {
  const { dev, ino } = await fs.stat(root);
  return { dev, ino };
}

/**
 * Whether the source itself is still there: its root readable and still the same directory on the
 * same device. A pulled card whose FUSE process died, or whose mount was lazily detached (or a card
 * plugged straight back in), leaves something else at the mount point that may well be readable:
 * only the identity tells that every read error there is the card gone, not one bad file.
 */
export async function sourceStillThere(root: string, identity: SourceRootIdentity | null): Promise<boolean> {
  try {
    const now = await fs.stat(root);
    if (identity !== null && (now.dev !== identity.dev || now.ino !== identity.ino)) return false;
    await fs.readdir(root);
    return true;
  } catch {
    return false;
  }
}
