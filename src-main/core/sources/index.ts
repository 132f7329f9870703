// What a source is made of before it is ingested: folders to choose from, litter that is never evidence.
export { isOperatingSystemLitter } from './litter.js';
export { nameDirectory } from './source-names.js';
export { sourcesModule } from './sources-module.js';
