// The lead's signed sign-off of each ingest, into its bag and the index (issue 9).
export { signoffModule, type SignoffModule } from './signoff-module.js';
