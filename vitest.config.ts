import { defineConfig } from 'vitest/config';

// Tests that plug real volumes in (loop devices through FUSE) and watchers that offer any volume
// would see each other's cards: they run one file at a time, in their own project, after the rest,
// so their detection-latency bounds are not measured on a machine busy with other tests. Every
// page test that plugs a volume in belongs here too: a rack's summary counts every card it sees.
const volumeTests = ['tests/sim/**/*.test.ts', 'tests/e2e/devices.test.ts', 'tests/e2e/devices-rack.test.ts', 'tests/e2e/ledger.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: real copies, ffmpeg and Chromium compete for them; keep files from starving each other.
    maxWorkers: 2,
    // expect.poll waits for what a page or a watcher will show; one second (vitest's default) is
    // what a loaded two-core machine can miss, so polls wait longer before they call it a failure.
    expect: { poll: { timeout: 20_000 } },
    projects: [
      { extends: true, test: { name: 'main', include: ['tests/**/*.test.ts'], exclude: volumeTests, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'volumes', include: volumeTests, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
