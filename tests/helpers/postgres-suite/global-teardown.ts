/** Stops the run's PostgreSQL cluster (tests/helpers/postgres-suite/global-setup.ts) and deletes its folder. */
export { stopRunCluster as default } from '../postgres';
