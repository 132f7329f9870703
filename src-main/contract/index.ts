export * from './envelope.js';
export * from './roles.js';
export * from './clock.js';
export * from './devices.js';
export * from './ingest.js';
export * from './recordings.js';
export * from './commands.js';
export * from './events.js';
