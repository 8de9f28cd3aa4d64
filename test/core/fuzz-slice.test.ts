import { FUZZ_TARGETS } from '../fuzz/properties';

// The properties `npm run fuzz` runs 100,000 times a target, here on a fixed seed and a few hundred inputs
// each, so every run of the tests covers them the same way. Timing properties run only in `npm run fuzz`.
const SEED = 20_260_101;
const RUNS = 300;

describe('fuzz slice (seeded)', () => {
  for (const target of FUZZ_TARGETS.filter((candidate) => !candidate.timed)) {
    it(`${target.name}: ${RUNS} inputs`, function () {
      this.timeout(30_000);
      target.assert({ seed: SEED, numRuns: RUNS });
    });
  }
});
