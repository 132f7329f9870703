// The `station` command line, bundled from tsc's output (out/src-main) into out/cli. Every command
// is a new process, and Node spent about 0.2 CPU-s of each start finding, reading and linking the
// 400 modules of the station and of zod one by one (a `station ingest` of one small file: 0.48
// CPU-s unbundled, 0.27 bundled, ten alternating runs each). A command's own modules stay in
// chunks loaded when it runs. The desktop program is one long-lived process and keeps tsc's files.
import { builtinModules } from 'node:module';
import { isAbsolute } from 'node:path';
import { defineConfig } from 'rolldown';

// Packages bundled in: plain ECMAScript modules of many files. Every other package stays in
// node_modules, loaded as it is published: native addons, CommonJS with its own file lookups
// (pino's workers, exiftool-vendored's binaries), and single-file packages that gain nothing.
const bundledPackages = ['zod'];

// Asked of each import as written and again once resolved (an absolute path, C:\… on Windows).
const isBundled = (id) => id.startsWith('.') || isAbsolute(id) || bundledPackages.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig({
  input: {
    station: 'out/src-main/hosts/cli/station.js',
    // Started by the calibration search as a worker thread, from beside the code that starts it. It
    // imports no module of the station: a module both entries shared would be placed in this entry,
    // and every command would then load the QR reader's WebAssembly at start.
    'qr-worker': 'out/src-main/core/clock-drift/qr-worker.js',
  },
  platform: 'node',
  external: (id) => builtinModules.includes(id) || id.startsWith('node:') || !isBundled(id),
  output: {
    dir: 'out/cli',
    format: 'esm',
    entryFileNames: '[name].js',
    // Named by their first module, not by a hash of their content: Node's compile cache keeps an
    // entry per file path, so a rebuild replaces each entry instead of adding one per build.
    chunkFileNames: '[name].js',
    sourcemap: true,
    cleanDir: true,
  },
});
