/**
 * One test file, both engines: the database modules loaded twice, once with DATABASE_URL naming a SQLite file and
 * once a PostgreSQL database, each migrated. The engine is chosen when db/schema.ts is first imported, so each
 * load gets modules of its own; `on` sets DATABASE_URL before a call, since the database layer reads it per call.
 */
export type EngineName = 'sqlite' | 'postgres';
export type Loaded<M> = M & { name: EngineName; url: string; index: typeof import('@/db/index') };

export async function loadEngine<M extends object>(name: EngineName, url: string, modules: () => Promise<M>): Promise<Loaded<M>> {
  process.env.DATABASE_URL = url;
  let loaded: Loaded<M> | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = { ...(await modules()), name, url, index: await import('@/db/index') };
  });
  await loaded!.index.prepareDatabase();
  return loaded!;
}

/** Runs `work` against one engine. */
export function on<E extends { url: string }, T>(engine: E, work: (engine: E) => Promise<T>): Promise<T> {
  process.env.DATABASE_URL = engine.url;
  return work(engine);
}
