// npm run test:fuzz -- [--runs N] [--seed S]: the fuzz suite alone, as long as asked (default 20,000
// cases from a fresh seed, printed first so a failure can be replayed with --seed).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const runs = Number(option('runs') ?? 20_000);
const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run test:fuzz -- [--runs N] [--seed S]\n');
  process.exit(2);
}
process.stdout.write(`fuzz: ${runs} runs, seed ${seed}\n`);
const result = spawnSync('npx', ['jest', 'test/fuzz', '--maxWorkers=1'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
process.exit(result.status ?? 1);
