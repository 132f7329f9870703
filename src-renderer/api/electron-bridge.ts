import type { CommandInput, CommandName, CommandOutput, Result, StationApi, StationEvent } from './types.js';
import { internalError } from './types.js';

type CommandFunctions = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>>;
};

/** What the Electron preload exposes on `window.station` through contextBridge. */
export type StationBridge = CommandFunctions & {
  onEvent(listener: (event: StationEvent) => void): () => void;
  mediaUrl(recordingId: number, part?: 'thumbnail'): string;
};

declare global {
  interface Window {
    station?: StationBridge;
  }
}

export function createBridgeApi(bridge: StationBridge): StationApi {
  return {
    async call(name, input) {
      const command = bridge[name] as unknown as (
        input: CommandInput<typeof name>,
      ) => Promise<Result<CommandOutput<typeof name>>>;
      try {
        return await command(input);
      } catch (cause) {
        return internalError(cause);
      }
    },
    // The main process sends every event to the window: none is missed, so onConnected never comes.
    onEvent: (listener) => bridge.onEvent(listener),
    mediaUrl: (recordingId, part) => Promise.resolve(bridge.mediaUrl(recordingId, part)),
    // The desktop shell has no viewer for it yet: `station receipt` prints it there.
    receiptUrl: null,
  };
}
