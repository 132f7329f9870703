import type { Capability } from '../capability.js';
import type { StationServices } from '../services.js';
import type { Signer } from '../signing/index.js';
import { decide, toApproval } from './approvals.js';
import { createExport } from './create-export.js';
import { allApprovals } from './export-store.js';

type ExportCommands = 'export.create' | 'export.approvals' | 'export.decide';

/** `export.*`: evidence packages for a complaint, a court or a review (Art. 14, 16), and the head's approvals. */
export function evidenceExportModule(services: StationServices, signer: Signer): Capability<ExportCommands> {
  return {
    handlers: {
      'export.create': (request, caller) => createExport(services, signer, request, caller),
      'export.approvals': () => allApprovals(services.db).map((row) => toApproval(row, services.iso)),
      'export.decide': (input, caller, credentials) => decide(services, signer, input, caller, credentials),
    },
  };
}
