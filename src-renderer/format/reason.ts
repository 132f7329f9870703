import type { ReasonCode } from '../../src-main/contract/index.js';

/** Locale key for each reason code the station gives; the station's own words stay as the detail. */
export const reasonKey = (code: ReasonCode): string => `reasons.${code}`;
