import type { Capability } from '../capability.js';
import { browseFolders } from './browse.js';

/** `sources.*`: folders the operator may choose as a source. */
export const sourcesModule = (): Capability<'sources.browse'> => ({
  handlers: { 'sources.browse': ({ path }) => browseFolders(path) },
});
