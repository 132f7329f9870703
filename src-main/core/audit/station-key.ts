import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/** The station's own Ed25519 key, made at first start: it signs the audit chain's checkpoints. */
export interface StationKey {
  sign(statement: string): string;
  verify(statement: string, signature: string): boolean;
}

const keyFolder = 'keys';
const privateName = 'station-ed25519.pem';
const publicName = 'station-ed25519.pub.pem';

function fromKeys(privateKey: KeyObject | null, publicKey: KeyObject): StationKey {
  return {
    sign(statement) {
      if (privateKey === null) throw new Error('the station key is not available here (a read-only archive)');
      return sign(null, Buffer.from(statement), privateKey).toString('base64');
    },
    verify(statement, signature) {
      try {
        return verify(null, Buffer.from(statement), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

async function readKey(folder: string): Promise<StationKey | null> {
  try {
    const publicPem = await fs.readFile(join(folder, publicName), 'utf8');
    const privatePem = await fs.readFile(join(folder, privateName), 'utf8').catch(() => null);
    return fromKeys(privatePem === null ? null : createPrivateKey(privatePem), createPublicKey(publicPem));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Loads the key from `<data>/keys/`, making it the first time (the private half readable by its
 * owner only). Two processes starting on a new folder at once make one key: the loser of the
 * exclusive create reads the winner's.
 */
export async function openStationKey(dataDir: string, options: { create: boolean }): Promise<StationKey | null> {
  const folder = join(dataDir, keyFolder);
  const found = await readKey(folder);
  if (found !== null || !options.create) return found;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  try {
    await fs.writeFile(join(folder, privateName), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    for (let tries = 0; tries < 50; tries += 1) {
      const theirs = await readKey(folder);
      if (theirs !== null) return theirs;
      await new Promise((wait) => setTimeout(wait, 20));
    }
    throw new Error(`the station key in ${folder} has a private half but no public one`);
  }
  // Renamed into place, whole: the other processes take the key as made once its public half is there.
  const partial = join(folder, `${publicName}.${process.pid}.partial`);
  await fs.writeFile(partial, publicKey.export({ type: 'spki', format: 'pem' }));
  await fs.rename(partial, join(folder, publicName));
  return fromKeys(privateKey, publicKey);
}

/** What a checkpoint signs: the chain's head at a moment. */
export const checkpointStatement = (seq: number, hash: string, at: number): string => `station-audit-checkpoint\n${seq}\n${hash}\n${at}`;
