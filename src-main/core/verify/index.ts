// Proving the archive intact: every file re-read from the disk and compared; reports, never repairs.
export { verifyModule } from './verify-module.js';
