import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          // Integration tests open workspaces, threads and workbooks: on a loaded two-core machine one took 5 s.
          testTimeout: 30_000,
          // Set-up hooks create demo workspaces and start host threads: under a load average of 14 one took over 10 s.
          hookTimeout: 60_000,
        },
      },
      {
        // `npm run bench`: timings printed as ratios against a baseline measured in the same run; never part of `npm test`.
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
