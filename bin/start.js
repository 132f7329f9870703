#!/usr/bin/env node
// `npm start`: the desktop program when its shell (Electron) is installed; otherwise the same
// station in browser mode, so the README's first command always starts the station.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The Electron executable when it is really there. Read from the package's own record of it rather
 * than by `require('electron')`, which would try to download it again (and fail offline).
 */
function installedElectron() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const recorded = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
    const executable = join(distDir, recorded);
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/** Opens the address in the default browser where the system has one; never fails the start. */
function openBrowser(url) {
  if (process.env.STATION_NO_BROWSER === '1') return;
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => {});
    opener.unref();
  } catch {
    // No browser launcher here: the address is printed above for the user to open.
  }
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = installedElectron();
if (electron) {
  forward(spawn(electron, [root], { stdio: 'inherit' }));
} else {
  process.stderr.write(
    '桌面程序外壳（Electron）没有安装，改为以浏览器模式启动工作站。\n' +
      'The desktop shell (Electron) is not installed: starting the station in browser mode instead.\n',
  );
  const server = spawn(process.execPath, [join(root, 'bin', 'station.js'), 'serve', ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(chunk.toString())?.[0];
    if (url && !opened) {
      opened = true;
      openBrowser(url);
    }
  });
  forward(server);
}
