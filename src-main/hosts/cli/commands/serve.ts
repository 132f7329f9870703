import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/index.js';
import type { CliContext } from '../context.js';

/** The built renderer, relative to this compiled file (out/src-main/hosts/cli/commands/serve.js). */
const rendererDir = fileURLToPath(new URL('../../../../renderer/', import.meta.url));

/** Serves the station to a browser on this machine until Ctrl-C or SIGTERM. */
export async function serveCommand(context: CliContext): Promise<number> {
  // Needs no --user: it only serves the page, where everyone signs in for themselves once the
  // station has accounts (a headless desk starts it as a service, with no one at the keyboard).
  const server = await startServer(context.station, { port: context.options.port, rendererDir, openAs: context.openAs });
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
