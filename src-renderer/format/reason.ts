import type { CommandError, ProblemCode, ReasonCode } from '../../src-main/contract/index.js';

/** Locale key for each reason code the station gives; the station's own words stay as the detail. */
export const reasonKey = (code: ReasonCode): string => `reasons.${code}`;

/** Locale key for a command's failure: its cause says more precisely what to do than its code. */
export const errorKey = (error: Pick<CommandError, 'code' | 'cause'>): string =>
  error.cause === undefined ? `errors.${error.code}` : `errorCauses.${error.cause}`;

/** Locale key for what is wrong with an archived recording. */
export const problemKey = (code: ProblemCode): string => `problems.${code}`;

/** Locale key for where a recording's time came from: the file name, or a metadata tag (named in the detail). */
export const timeSourceKey = (source: string): string =>
  source === 'file-name' ? 'detail.timeSource.file-name' : 'detail.timeSource.metadata';
