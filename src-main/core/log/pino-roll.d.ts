// pino-roll ships no types; this declares the part the station uses (pino-roll 4, see its README).
declare module 'pino-roll' {
  import type { EventEmitter } from 'node:events';

  interface PinoRollOptions {
    /** Base path: `logs/station.log` becomes `logs/station.1.log`, `logs/station.2.log`, … */
    file: string;
    /** A number is megabytes (fractions allowed); a string may carry k, m or g. */
    size?: number | string;
    mkdir?: boolean;
    /** Passed through to sonic-boom. */
    sync?: boolean;
    /** Passed through to sonic-boom: above this many buffered bytes, lines are dropped. */
    maxLength?: number;
  }

  /** The sonic-boom stream pino-roll returns, as far as the station uses it. */
  interface RollingStream extends EventEmitter {
    /** The file being written now. */
    readonly file: string;
    readonly destroyed: boolean;
    write(data: string): boolean;
    end(): void;
    destroy(): void;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
}
