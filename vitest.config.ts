import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: real copies, ffmpeg and Chromium compete for them; keep files from starving each other.
    maxWorkers: 2,
  },
});
