import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { syncDirectory, tagManifestName, writeFileDurably, writeTagManifest } from '../archive/index.js';

/** The sign-off's tag files at the top of a bag; the tag manifest lists them too. */
export const signoffFiles = { statement: 'signoff.json', signature: 'signoff.sig', publicKey: 'signer.pem' } as const;
const ownLine = /^[0-9a-f]{64}\s+\*?(signoff\.json|signoff\.sig|signer\.pem)$/;

/**
 * SHA-256 of the bag's tag manifest without the lines of the sign-off's own files: the same before
 * and after they are added, and checkable by hand with
 * `grep -v -E '  (signoff\.json|signoff\.sig|signer\.pem)$' tagmanifest-sha256.txt | sha256sum`.
 */
export async function tagManifestSha256(bagDir: string): Promise<string> {
  const text = await fs.readFile(join(bagDir, tagManifestName), 'utf8');
  const kept = text
    .split('\n')
    .filter((line) => line !== '' && !ownLine.test(line))
    .map((line) => `${line}\n`)
    .join('');
  return createHash('sha256').update(kept).digest('hex');
}

/** Writes the statement, its signature (raw 64 bytes) and the signer's public key, then the tag manifest again. */
export async function writeSignoffFiles(bagDir: string, statement: string, signature: Buffer, publicKeyPem: string): Promise<void> {
  await writeFileDurably(join(bagDir, signoffFiles.statement), statement);
  await writeFileDurably(join(bagDir, signoffFiles.signature), signature);
  await writeFileDurably(join(bagDir, signoffFiles.publicKey), publicKeyPem);
  await writeTagManifest(bagDir);
  await syncDirectory(bagDir);
}

export interface BagSignoff {
  statement: Buffer;
  signature: Buffer;
  publicKeyPem: string;
}

/** The sign-off files as the bag holds them; null when a bag has none. */
export async function readSignoffFiles(bagDir: string): Promise<BagSignoff | null> {
  try {
    const [statement, signature, publicKey] = await Promise.all(
      [signoffFiles.statement, signoffFiles.signature, signoffFiles.publicKey].map((name) => fs.readFile(join(bagDir, name))),
    );
    if (!statement || !signature || !publicKey) return null;
    return { statement, signature, publicKeyPem: publicKey.toString('utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
