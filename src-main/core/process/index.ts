// One runner for external tools (ffmpeg, ffprobe, lsblk, blkid, exiftool's processes): never a
// shell, always a timeout, an AbortSignal, death with the station, and one error that says why.
export { spawnDyingWithStation, toolsDieWithStation } from './death-rule.js';
export { isProcessAlive, processIdentity } from './process-identity.js';
export { runTool, type RunToolOptions, type ToolOutput } from './run-tool.js';
export { streamTool, type ToolStream, type ToolStreamEnd } from './stream-tool.js';
export { ToolError, type ToolFailure } from './tool-error.js';
export type { OutputStreamName, ToolOptions } from './tool-options.js';
