#!/usr/bin/env node
// The station needs the Node that Electron embeds (24): better-sqlite3 13 crashes on older ones.
// Started from a shell whose `node` is older, hand over to the project's pinned Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
const entry = fileURLToPath(new URL('../out/cli/station.js', import.meta.url));
const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));

if (!existsSync(entry)) {
  process.stderr.write('station: not built yet; run "npm install" (or "npm run build") first\n');
  process.exit(2);
}
if (major < 24 && existsSync(pinned)) {
  const child = spawnSync(pinned, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
await import(entry);
