// `DATABASE_URL=file:<path> node --import tsx --conditions=react-server bench/seed-cli.ts '<sizes JSON>'`:
// fills that database for the benchmark and prints what the benchmark needs (bench/seed.ts) as JSON.
import { seedBenchData, type BenchSizes } from './seed';

const sizes = JSON.parse(process.argv[2] ?? '') as BenchSizes;
seedBenchData(sizes).then(
  (data) => process.stdout.write(JSON.stringify(data)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
