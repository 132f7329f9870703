import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Caller, ExportReceipt, ExportRequest } from '../../contract/index.js';
import { toAbsolute } from '../archive/index.js';
import { StationError } from '../errors.js';
import type { StationServices } from '../services.js';
import type { Signer } from '../signing/index.js';
import { writeApprovalFiles } from './approval-files.js';
import { approvalFor } from './approvals.js';
import { copyVerified } from './copy-verified.js';
import { writeCustodyFiles, levelOfFacts } from './custody-files.js';
import { hiddenFrom, namedRecordings } from './named-recordings.js';
import { idsJson, insertExport, markApprovalUsed, type ApprovalRow } from './export-store.js';
import { payloadPath, sealTags, writeBagFiles } from './make-package.js';
import { readmeText } from './readme-text.js';
import { zipFolder } from './zip-folder.js';
import { writeTransaction } from '../db/index.js';

/** The package goes into a new or empty folder, never over anything already there; true if it had to be made. */
async function claimOut(out: string, zipPath: string | null): Promise<boolean> {
  if (!isAbsolute(out)) throw new StationError('invalid-input', `the package folder must be a full path: ${out}`, 'relative-path');
  if (zipPath !== null && (await stat(zipPath).catch(() => null)) !== null) throw new StationError('invalid-input', `${zipPath} already exists`);
  const found = await stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (found === null) {
    await mkdir(out, { recursive: true });
    return true;
  }
  if (!found.isDirectory() || (await readdir(out)).length > 0) throw new StationError('invalid-input', `${out} must not exist or be an empty folder`);
  return false;
}

/** A failed export leaves nothing behind: the folder as it was (gone, or empty). */
async function undo(out: string, made: boolean): Promise<void> {
  if (made) {
    await rm(out, { recursive: true, force: true });
    return;
  }
  for (const entry of await readdir(out)) await rm(join(out, entry), { recursive: true, force: true });
}

const newExportId = (at: number): string => `EXP-${new Date(at).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;

async function writeApproval(out: string, approval: ApprovalRow, signer: Signer): Promise<void> {
  if (approval.statement === null || approval.signature === null || approval.key_id === null) throw new Error(`approval ${approval.id} is not signed`);
  const publicKey = signer.publicKeyPem(approval.key_id);
  if (publicKey === null) throw new Error(`no key ${approval.key_id}`);
  await writeApprovalFiles(out, { statement: approval.statement, signature: approval.signature, publicKeyPem: publicKey });
}

/**
 * `export.create`: the original files, copied and checked against the index, with their manifest,
 * the custody report, the sign-offs and (for confidential recordings) the head's approval.
 */
export async function createExport(services: StationServices, signer: Signer, request: ExportRequest, caller: Caller): Promise<ExportReceipt> {
  const { db, dataDir, iso } = services;
  const recordings = namedRecordings(db, request, 'name recordings or an ingest');
  const ids = recordings.map((facts) => facts.id);
  const now = services.now();
  const confidential = recordings.filter((facts) => levelOfFacts(facts) !== 'none');
  const hidden = hiddenFrom(db, caller, confidential, now);
  if (hidden.length > 0) throw new StationError('forbidden', `you may not see recording ${hidden.map((facts) => facts.id).join(', ')}, so you may not export it`);
  // A station running open has no head to approve: maySee already shows it everything.
  const approval = confidential.length > 0 && caller.personId != null ? approvalFor(services, caller, ids) : null;

  const out = request.out.replace(/[\\/]+$/, '') || request.out;
  const zipPath = request.zip ? `${out}.zip` : null;
  const made = await claimOut(out, zipPath);
  const exportId = newExportId(now);
  const madeAt = iso(now);
  try {
    const payload = recordings.map((facts) => ({ facts, bagPath: payloadPath(facts) }));
    let bytes = 0;
    for (const file of payload) {
      bytes += await copyVerified(toAbsolute(dataDir, file.facts.archivePath), join(out, ...file.bagPath.split('/')), file.facts.sha256);
    }
    const purpose = request.purpose ?? null;
    await writeBagFiles(out, payload, { stationName: services.stationName, exportId, madeBy: caller.name, madeAt, purpose, bytes, files: payload.length });
    const signoffIngests = await writeCustodyFiles(services, out, {
      documentId: exportId,
      madeBy: caller.name,
      madeAt: now,
      purpose,
      recordings,
      approval: approval && { id: approval.id, decidedBy: approval.decided_by, decidedAt: approval.decided_at },
    });
    if (approval !== null) await writeApproval(out, approval, signer);
    await writeFile(join(out, 'README.txt'), readmeText({ exportId, stationName: services.stationName, madeAt, signoffIngests, approval: approval !== null }));
    await sealTags(out);
    if (zipPath !== null) await zipFolder(out, zipPath);

    writeTransaction(db, () => {
      if (approval !== null && !markApprovalUsed(db, approval.id)) throw new StationError('approval-needed', `approval ${approval.id} was used by another export meanwhile`);
      insertExport(db, {
        id: exportId,
        path: out,
        zip_path: zipPath,
        recording_ids_json: idsJson(ids),
        files: payload.length,
        bytes,
        purpose,
        approval_id: approval?.id ?? null,
        made_by: caller.name,
        made_at: now,
      });
      services.audit?.record({
        actor: caller.name,
        role: caller.role,
        action: 'export.create',
        object: `export:${exportId}`,
        details: {
          kind: 'view',
          recordings: recordings.map((facts) => ({ id: facts.id, confidentiality: levelOfFacts(facts) })),
          approvalId: approval?.id ?? null,
          path: out,
          zipPath,
          purpose,
        },
      });
    });
    return { exportId, path: out, zipPath, files: payload.length, bytes };
  } catch (error) {
    await undo(out, made);
    if (zipPath !== null) await rm(zipPath, { force: true });
    throw error;
  }
}
