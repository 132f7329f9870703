// Volumes appearing and going: adapters (mount table + folder watch, drivelist) behind one scanner.
export { createVolumeScanner, VolumeScanner, type VolumeScannerOptions } from './volume-scanner.js';
export type { Volume } from './volume.js';
