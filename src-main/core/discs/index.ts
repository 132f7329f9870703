// The disc-burn queue (issue 10, Art. 16): two identical, verified, labelled archival discs and a register that keeps them checked.
export { discsModule, type DiscsModule } from './discs-module.js';
