import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';

/** fsync on a directory makes a rename or a new entry in it survive power loss. */
export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replace a small file atomically: write a sibling, fsync, rename over, fsync the folder. */
export async function writeFileDurably(path: string, text: string | Uint8Array): Promise<void> {
  const temporary = `${path}.writing`;
  const handle = await fs.open(temporary, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, path);
  await syncDirectory(dirname(path));
}
