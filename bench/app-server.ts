/** The production server of tests/e2e/server.js, typed for the benchmark's scripts. */
import { startServer as startServerUntyped } from '../tests/e2e/server';

// tests/e2e/server.js is plain JavaScript: TypeScript infers its options from the defaults alone.
export const startServer = startServerUntyped as unknown as (options: { databaseFile?: string; env: Record<string, string> }) => ReturnType<typeof startServerUntyped>;
export type AppServer = Awaited<ReturnType<typeof startServer>>;
