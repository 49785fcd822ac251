/**
 * Types for the two middleware packages server/ uses that ship none: only what the server calls, in
 * node:http terms (the packages' own DefinitelyTyped entries are written against Express).
 */
declare module 'compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Filter = (req: IncomingMessage, res: ServerResponse) => boolean;
  type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

  /** Gzips what `res` sends when `filter` says so and the client accepts it. */
  function compression(options?: { threshold?: number | string; filter?: Filter }): Middleware;
  namespace compression {
    /** The package's default rule: compressible content types only. */
    const filter: Filter;
  }
  export = compression;
}

declare module 'on-headers' {
  import type { ServerResponse } from 'node:http';

  /** Calls `listener` once, just before `res` writes its status line and headers. */
  function onHeaders<R extends ServerResponse>(res: R, listener: (this: R) => void): void;
  export = onHeaders;
}
