// The station's settings: one table, read whole, changed by key.
export { settingsModule } from './settings-module.js';
export { readSettings } from './settings-store.js';
