/**
 * `npm run fuzz [runs] [seed]`: the robustness properties with many more runs
 * and a fresh seed (printed, so a failure can be replayed with `npm run fuzz N SEED`).
 */
import {spawnSync} from 'node:child_process'

const runs = process.argv[2] ?? '20000'
const seed = process.argv[3] ?? String(Math.floor(Math.random() * 2 ** 31))
console.log(`fuzz: ${runs} runs per property, seed ${seed}`)
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/properties/robustness.test.ts'], {
  stdio: 'inherit',
  env: {...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed}
})
console.log(`fuzz: seed ${seed}, ${result.status === 0 ? 'no failures' : 'FAILED'}`)
process.exitCode = result.status ?? 1
