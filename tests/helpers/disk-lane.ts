import { onTestFinished } from 'vitest';
import { ArchiveDiskGate, type DiskLane } from '../../src-main/core/ingest/archive-disk-gate.js';

/** A gate of its own for one test's files: nothing else shares the disk there. */
export function diskLane(): DiskLane {
  const gate = new ArchiveDiskGate();
  onTestFinished(() => gate.close());
  return gate.lane('test');
}
