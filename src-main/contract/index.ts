export * from './envelope.js';
export * from './roles.js';
export * from './ingest.js';
export * from './recordings.js';
export * from './commands.js';
export * from './events.js';
