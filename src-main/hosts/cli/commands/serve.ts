import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/index.js';
import type { CliContext } from '../context.js';

/**
 * The built renderer (out/renderer), from where this code lies: out/cli/ once the command line is
 * bundled (what `station` runs), out/src-main/hosts/cli/commands/ in tsc's output.
 */
function builtRendererDir(): string {
  const found = ['../renderer/', '../../../../renderer/']
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((dir) => existsSync(join(dir, 'index.html')));
  if (found === undefined) throw new Error('the interface is not built: run "npm run build"');
  return found;
}

/** Serves the station to a browser on this machine until Ctrl-C or SIGTERM. */
export async function serveCommand(context: CliContext): Promise<number> {
  // Needs no --user: it only serves the page, where everyone signs in for themselves once the
  // station has accounts (a headless desk starts it as a service, with no one at the keyboard).
  const server = await startServer(context.station, { port: context.options.port, rendererDir: builtRendererDir(), openAs: context.openAs });
  context.out(`Station serving at ${server.url}`);
  await context.station.startWatching();
  context.err('Open the address above in a browser on this computer. Ctrl-C stops the station.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
