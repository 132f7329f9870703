// A plugged-in volume's way from detection to "safe to remove", and auto-ingest.
export { plugInModule, type PlugInModule, type WatchOptions } from './plug-in-module.js';
