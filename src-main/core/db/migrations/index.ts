import type { Database } from 'better-sqlite3';
import * as initial from './001-initial.js';
import * as devices from './002-devices.js';
import * as clockAndSettings from './003-clock-and-settings.js';
import * as ownerIdentity from './004-owner-identity.js';
import * as recorderNameFields from './005-recorder-name-fields.js';
import * as originalNameBytes from './006-original-name-bytes.js';
import * as metadataLocalTime from './007-metadata-local-time.js';
import * as auditChain from './008-audit-chain.js';
import * as people from './009-people.js';
import * as ledger from './010-ledger.js';
import * as custodyFindings from './011-custody-findings.js';
import * as custodySignoff from './012-custody-signoff.js';
import * as discs from './013-discs.js';

export interface Migration {
  up(db: Database): void;
}

/** In order; migration N brings the schema to `PRAGMA user_version = N`. Never edit a shipped one. */
export const migrations: readonly Migration[] = [initial, devices, clockAndSettings, ownerIdentity, recorderNameFields, originalNameBytes, metadataLocalTime, auditChain, people, ledger, custodyFindings, custodySignoff, discs];
