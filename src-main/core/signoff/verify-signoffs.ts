import { join, relative, sep } from 'node:path';
import type { SignoffVerifyReport } from '../../contract/index.js';
import { SignoffStatement } from '../../contract/index.js';
import { checkTagManifest, createReadBackBuffers, filesUnder, hashFromDisk, readManifest } from '../archive/index.js';
import { sha256Hex, type Signer } from '../signing/index.js';
import { readSignoffFiles, tagManifestSha256 } from './bag-signoff.js';
import type { SignoffRow } from './signoff-store.js';

type Problem = SignoffVerifyReport['problems'][number];

/** Every payload file re-read past the cache and hashed against the manifest; a file added or gone is a change too. */
async function payloadChanges(bagDir: string): Promise<string[]> {
  const manifest = await readManifest(bagDir);
  const buffers = createReadBackBuffers();
  const changes: string[] = [];
  const present = new Set<string>();
  for await (const file of filesUnder(join(bagDir, 'data'))) present.add(relative(join(bagDir, 'data'), file).split(sep).join('/'));
  for (const [path, expected] of manifest) {
    if (!present.has(path)) {
      changes.push(`data/${path} is missing`);
      continue;
    }
    const { sha256 } = await hashFromDisk(join(bagDir, 'data', ...path.split('/')), buffers);
    if (sha256 !== expected) changes.push(`data/${path} no longer matches its manifest hash`);
  }
  for (const path of present) if (!manifest.has(path)) changes.push(`data/${path} is not in the manifest`);
  return changes;
}

/**
 * One signed bag, as anyone could check it without the station: the signature over the bag's
 * statement with the bag's public key (which must be a key the station made), the statement the
 * index kept, the tag manifest it names, and every file under it.
 */
export async function verifyBagSignoff(bagDir: string, latest: SignoffRow, signer: Signer): Promise<Problem | null> {
  const problem = (kind: Problem['problem'], detail: string): Problem => ({ ingestId: latest.ingest_id, problem: kind, detail });
  const files = await readSignoffFiles(bagDir);
  if (files === null) return problem('bag-changed', 'the bag no longer holds signoff.json, signoff.sig and signer.pem');
  let statement: SignoffStatement;
  try {
    statement = SignoffStatement.parse(JSON.parse(files.statement.toString('utf8')));
  } catch {
    return problem('bad-signature', 'signoff.json is not a sign-off statement');
  }
  const keptPem = signer.publicKeyPem(statement.signer.keyId);
  if (keptPem === null || keptPem.trim() !== files.publicKeyPem.trim()) {
    return problem('unknown-key', `signer.pem is not the station's key ${statement.signer.keyId}`);
  }
  if (signer.check(statement.signer.keyId, files.statement, files.signature) !== 'ok') return problem('bad-signature', 'signoff.sig does not verify over signoff.json');
  if (sha256Hex(files.statement) !== latest.statement_sha256) return problem('bad-signature', 'signoff.json is not the statement the index kept for this ingest');
  const tagProblems = await checkTagManifest(bagDir);
  if (tagProblems.length > 0) return problem('bag-changed', tagProblems.map((one) => `${relative(bagDir, one.path)} ${one.problem}`).join('; '));
  if ((await tagManifestSha256(bagDir)) !== statement.tagManifestSha256) return problem('bag-changed', 'the tag manifest is not the one signed');
  const changes = await payloadChanges(bagDir);
  return changes.length > 0 ? problem('bag-changed', changes.join('; ')) : null;
}
