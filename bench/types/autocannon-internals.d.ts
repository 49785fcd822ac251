// The one autocannon internal the benchmark replaces (see bench/load.ts).
declare module 'autocannon/lib/pipelinedRequestsQueue' {
  export default class PipelinedRequestsQueue {
    addBody(data: Buffer): void;
  }
}
