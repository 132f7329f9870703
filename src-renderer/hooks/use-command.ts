import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/context.js';
import type { CommandError, CommandInput, CommandName, CommandOutput } from '../api/types.js';

export type CommandState<T> =
  | { state: 'loading'; value: T | null }
  | { state: 'ready'; value: T }
  | { state: 'failed'; error: CommandError; value: T | null };

/**
 * Runs a query command whenever its input changes (compared as JSON) and on `reload()`.
 * A late answer to an earlier input never overwrites a newer one.
 */
export function useCommand<K extends CommandName>(
  name: K,
  input: CommandInput<K> | null,
): CommandState<CommandOutput<K>> & { reload(): void } {
  const api = useApi();
  const [state, setState] = useState<CommandState<CommandOutput<K>>>({ state: 'loading', value: null });
  const [round, setRound] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((previous) => ({ state: 'loading', value: previous.value }));
    void api.call(name, JSON.parse(key) as CommandInput<K>).then((result) => {
      if (!live) return;
      setState((previous) =>
        result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error, value: previous.value },
      );
    });
    return () => {
      live = false;
    };
  }, [api, name, key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
