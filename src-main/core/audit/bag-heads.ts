import { promises as fs } from 'node:fs';
import { archiveFolder, readBagAuditHead, toAbsolute } from '../archive/index.js';
import type { BagAuditHead } from './verify-audit.js';

/** Every bag's Audit-Head under `<data>/archive/`; bags without one (older, or never finished) are left out. */
export async function readBagAuditHeads(dataDir: string): Promise<BagAuditHead[]> {
  const bags = await fs.readdir(toAbsolute(dataDir, archiveFolder)).catch(() => [] as string[]);
  const heads: BagAuditHead[] = [];
  for (const bag of bags) {
    const head = await readBagAuditHead(toAbsolute(dataDir, `${archiveFolder}/${bag}`));
    if (head !== null) heads.push(head);
  }
  return heads;
}
