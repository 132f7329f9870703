import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';

describe('npm start where the desktop shell is not installed', () => {
  const root = tempDir('start');

  it('says so in both languages and starts browser mode, whose printed address answers', async () => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bin/start.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Electron's own override, pointed at nothing: the shell is missing even where it is installed.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(root, 'no-electron'), STATION_DATA: join(root, 'data'), STATION_NO_BROWSER: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(stdout)?.[0];
          if (found) resolve(found);
        });
        child.on('exit', (code) => reject(new Error(`start ended (${code}) before printing an address:\n${stdout}\n${stderr}`)));
      });
      expect(stderr).toContain('桌面程序外壳（Electron）没有安装，改为以浏览器模式启动工作站。');
      expect(stderr).toContain('The desktop shell (Electron) is not installed: starting the station in browser mode instead.');
      expect(stderr).not.toMatch(/Error|at /);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
