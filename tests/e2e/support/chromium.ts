import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or null. On CI a missing Chromium is a broken build
 * machine, not a reason to skip: there the tests run and fail.
 */
export function browserSkipReason(): string | null {
  if (existsSync(chromiumPath)) return null;
  if (process.env.CI === 'true') return null;
  return `Chromium is not installed at ${chromiumPath} (apt-get install chromium fonts-noto-cjk)`;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath}; the e2e tests need it`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
