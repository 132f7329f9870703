import { launchLine, spawnDyingWithStation, toolsDieWithStation } from './death-rule.js';
import type { StartedTool } from './started-tool.js';
import { launchTool } from './tool-launcher.js';

// Not under Electron: the packaged app turns running as Node off (electron-builder's runAsNode
// fuse), so its executable cannot run the launcher. Electron's utilityProcess could, but core does
// not import Electron; the desktop station spawns its tools itself, as before.
const launcherUsable = (): boolean => toolsDieWithStation() && process.versions.electron === undefined;

/**
 * Starts a tool with the death rule and `outputs` pipes (stdout, stderr, then fd 3, …), stdin
 * closed. Where tools die with the station (Linux) and outside Electron, through the launcher, so
 * that the station itself never forks; elsewhere spawned here.
 */
export function startTool(command: string, args: readonly string[], options: { outputs: number; env: NodeJS.ProcessEnv }): StartedTool {
  if (launcherUsable()) {
    const launch = launchLine(command, args);
    return launchTool(launch.file, launch.args, options);
  }
  return spawnDyingWithStation(command, args, { stdio: ['ignore', ...Array<'pipe'>(options.outputs).fill('pipe')], env: options.env });
}
