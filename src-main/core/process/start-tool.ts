import { launchLine, spawnDyingWithStation, toolsDieWithStation } from './death-rule.js';
import type { StartedTool } from './started-tool.js';
import { launchTool } from './tool-launcher.js';

/**
 * Starts a tool with the death rule and `outputs` pipes (stdout, stderr, then fd 3, …), stdin
 * closed. Where tools die with the station (Linux), through the launcher, so that the station
 * itself never forks; elsewhere spawned here.
 */
export function startTool(command: string, args: readonly string[], options: { outputs: number; env: NodeJS.ProcessEnv }): StartedTool {
  if (toolsDieWithStation()) {
    const launch = launchLine(command, args);
    return launchTool(launch.file, launch.args, options);
  }
  return spawnDyingWithStation(command, args, { stdio: ['ignore', ...Array<'pipe'>(options.outputs).fill('pipe')], env: options.env });
}
