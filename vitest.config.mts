import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The benchmarks that time a browser (keystrokes, frames) run first, on a machine nothing else has yet
 * loaded: the batch benchmarks after them build and then delete workspaces of hundreds of MB, and a browser
 * timed straight after them measured the disk and page cache settling (README, Benchmarks). Every other
 * file keeps vitest's own order.
 */
const TIMED_IN_A_BROWSER = ['tests/bench/revenue.bench.test.ts'];
class BrowserBenchesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const inBrowser = (f: TestSpecification) => TIMED_IN_A_BROWSER.some((b) => f.moduleId.endsWith(b));
    return [...sorted.filter(inBrowser), ...sorted.filter((f) => !inBrowser(f))];
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: BrowserBenchesFirst },
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
