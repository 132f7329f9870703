// Art. 7: how far a recorder's clock was off, from the footage itself, and what its names and times show.
export { analyzeClock } from './analyze-clock.js';
export { findCalibrationCode, type CalibrationCode } from './calibration-code.js';
export { gpsTimeFromTag } from './clock-input.js';
export { earlySearchChoice } from './drift-bases.js';
export { EarlySearches } from './early-searches.js';
export { fileClock } from './file-clock.js';
export type { ClockInputFile, ClockReference } from './types.js';
