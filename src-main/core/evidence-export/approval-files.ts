import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A decision as the head signed it, and the key to check it with when the station still has it. */
export interface SignedApproval {
  statement: string;
  /** Base64, as stored. */
  signature: string;
  publicKeyPem: string | null;
}

/**
 * approval.json, approval.sig and approver.pem in a package or on a disc: exactly the bytes signed
 * and the signature as raw bytes, so `openssl pkeyutl -verify -rawin` checks them as they are.
 */
export async function writeApprovalFiles(out: string, approval: SignedApproval): Promise<void> {
  await writeFile(join(out, 'approval.json'), approval.statement);
  await writeFile(join(out, 'approval.sig'), Buffer.from(approval.signature, 'base64'));
  if (approval.publicKeyPem !== null) await writeFile(join(out, 'approver.pem'), approval.publicKeyPem);
}
