#!/usr/bin/env node
// The `station` command. This file prepares the process and then loads the command line, which
// is why it imports next to nothing: everything a static import reaches is compiled before any of it runs.
// First: it sizes the I/O thread pool, which must happen before any file is touched.
import '../io-threads.js';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { userCacheDir } from '../../core/data-dir.js';

// Each command is a new process that loads the station's code (about 500 modules before it was
// bundled, a few chunks since); V8's compiled code for it is kept on disk for the next start: a
// `station ingest` of one small file took 0.61 CPU-s without it and 0.55 with it (twenty
// alternating runs each, unbundled). In the user's own cache folder, not the shared
// temporary folder Node defaults to, where another account could leave compiled code for the
// station to run. A cache that cannot be written or read, or a user without a home folder, leaves
// the start as it was: it never fails one. NODE_COMPILE_CACHE overrides the folder,
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
try {
  enableCompileCache({ directory: join(userCacheDir(), 'compile-cache') });
} catch {
  // No home folder: the station starts without the cache.
}
await import('./command-line.js');
