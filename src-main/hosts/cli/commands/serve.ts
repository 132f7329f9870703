import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/index.js';
import { reportFailure, type CliContext } from '../context.js';

/** The built renderer, relative to this compiled file (out/src-main/hosts/cli/commands/serve.js). */
const rendererDir = fileURLToPath(new URL('../../../../renderer/', import.meta.url));

/** Serves the station to a browser on this machine until Ctrl-C or SIGTERM. */
export async function serveCommand(context: CliContext): Promise<number> {
  // Once the station has accounts, a person starts it too (the page's users then sign in themselves).
  const allowed = await context.station.call('station.info', {}, context.credentials);
  if (!allowed.ok) return reportFailure(context, allowed.error);
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
