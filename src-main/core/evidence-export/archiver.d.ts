// The few calls zip-folder.ts makes of archiver 5, which ships no types of its own.
declare module 'archiver' {
  import type { Writable } from 'node:stream';

  interface Archiver {
    pipe(destination: Writable): Writable;
    directory(folder: string, prefix: string): this;
    finalize(): Promise<void>;
    on(event: 'error' | 'warning', listener: (error: Error) => void): this;
  }

  function archiver(format: 'zip', options?: { zlib?: { level?: number } }): Archiver;
  export default archiver;
}
