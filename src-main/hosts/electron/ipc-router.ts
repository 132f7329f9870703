import { commandNames, fail, type Caller, type Result } from '../../contract/index.js';
import type { Station } from '../../core/station-api.js';
import { dispatchWithSession, type HeldSession } from '../held-session.js';
import { isTrustedSender } from './app-origin.js';

/** Channel names; the preload spells the same strings (a sandboxed preload cannot import them). */
export const channels = {
  command: 'station:command',
  commandNames: 'station:command-names',
  event: 'station:event',
} as const;

interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}
interface SyncEvent extends SenderEvent {
  returnValue: unknown;
}

/** The part of Electron's ipcMain this router uses, so it can be wired without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: SyncEvent) => void): unknown;
  removeListener(channel: string, listener: (event: SyncEvent) => void): unknown;
}

/**
 * Routes the preload's calls into the station as whoever signed in at the window (`held`), or as
 * `openAs` while the station runs open; returns a function that unregisters them.
 */
export function registerStationIpc(ipc: IpcMainLike, station: Station, openAs: Caller, held: HeldSession): () => void {
  ipc.handle(channels.command, async (event, name, input): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) return fail('forbidden', 'Only the station window may send commands.');
    if (typeof name !== 'string') return fail('unknown-command', 'The command name must be a string.');
    try {
      return await dispatchWithSession(station, name, input, held, openAs);
    } catch (error) {
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  });

  const answerCommandNames = (event: SyncEvent): void => {
    event.returnValue = isTrustedSender(event.senderFrame) ? commandNames : [];
  };
  ipc.on(channels.commandNames, answerCommandNames);

  return () => {
    ipc.removeHandler(channels.command);
    ipc.removeListener(channels.commandNames, answerCommandNames);
  };
}

/** The part of a WebContents that receives events. */
export interface EventReceiver {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Sends every station event to every open window; returns the unsubscribe. */
export function forwardStationEvents(station: Station, receivers: () => Iterable<EventReceiver>): () => void {
  return station.onEvent((event) => {
    for (const receiver of receivers()) {
      if (!receiver.isDestroyed()) receiver.send(channels.event, event);
    }
  });
}
