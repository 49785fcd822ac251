/**
 * `npm run test:postgres`: one throwaway PostgreSQL cluster for the whole run, with a migrated template database
 * that every test file copies into a fresh database of its own (tests/helpers/jest-setup.ts), as each file gets
 * a fresh SQLite file on the default engine. Runs in jest's parent process: relative imports only.
 */
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Client } from 'pg';
import { startRunCluster } from '../postgres';

export const TEMPLATE_DATABASE = 'hearth_template';

export default async function startSuiteCluster(): Promise<void> {
  const cluster = await startRunCluster();
  const admin = new Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} OWNER hearth`);
  await admin.end();
  const template = new URL(cluster.url);
  template.pathname = `/${TEMPLATE_DATABASE}`;
  const client = new Client({ connectionString: template.toString() });
  await client.connect();
  await migrate(drizzle(client), { migrationsFolder: path.join(__dirname, '..', '..', '..', 'db', 'migrations-postgres') });
  await client.end();
}
