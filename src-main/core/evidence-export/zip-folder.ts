import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * The package folder as one zip, for a portal or a disc: the library stays behind this one
 * function. Entries sit under the folder's own name; written beside the target, then renamed, so
 * a failed zip leaves no half a file.
 */
export async function zipFolder(folder: string, zipPath: string): Promise<void> {
  // Loaded here, not at the top: archiver costs about 50 ms of CPU to load, which every start of the station would pay.
  const { default: archiver } = await import('archiver');
  const partial = `${zipPath}.writing`;
  const output = createWriteStream(partial, { flags: 'wx' });
  const zip = archiver('zip', { zlib: { level: 6 } });
  const closed = new Promise<void>((resolve, reject) => {
    output.on('close', resolve);
    output.on('error', reject);
    zip.on('error', reject);
  });
  zip.pipe(output);
  zip.directory(folder, basename(folder));
  try {
    await zip.finalize();
    await closed;
    await rename(partial, zipPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
