/**
 * On `npm run test:postgres`: this test file's own database, copied from the run's migrated template when the
 * file starts and dropped when it ends. DATABASE_URL names it before the file imports anything, so the
 * database layer picks PostgreSQL as the server would.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEMPLATE_DATABASE } from './global-setup';

type SuiteCluster = { url: string; adminUrl: string };

async function asAdmin(cluster: SuiteCluster, text: string): Promise<void> {
  const admin = new Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** CREATE DATABASE … TEMPLATE waits for no one: a copy running in another worker makes it fail, so it tries again. */
async function copyTemplate(cluster: SuiteCluster, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await asAdmin(cluster, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE} OWNER hearth`);
    } catch (error) {
      if (attempt >= 50 || !/is being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export function provideTestDatabase(cluster: SuiteCluster, closeDatabase: () => Promise<void>): void {
  const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  beforeAll(() => copyTemplate(cluster, name));
  afterAll(async () => {
    await closeDatabase();
    await asAdmin(cluster, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
