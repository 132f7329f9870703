import { useCallback, useState } from 'react';
import { useApi } from '../api/context.js';
import type { CommandError, CommandInput, CommandName, CommandOutput } from '../api/types.js';

export interface Action {
  /** A command started by `run` is on its way: its button is disabled, its label may say so. */
  busy: boolean;
  /** Why the last command failed, for an `ErrorMessage`; null once a new one starts or it is cleared. */
  error: CommandError | null;
  /** Runs a command the officer asked for; its output, or undefined when it failed (the failure is in `error`). */
  run<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K> | undefined>;
  clearError(): void;
}

/**
 * One command the officer sets off (start, save, match…), as against `useCommand`'s queries:
 * busy while it runs, and the error it reported kept until the next run.
 */
export function useAction(): Action {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const run = useCallback(
    async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K> | undefined> => {
      setBusy(true);
      setError(null);
      // The api reports every failure as a value; it never throws.
      const result = await api.call(name, input);
      setBusy(false);
      if (result.ok) return result.value;
      setError(result.error);
      return undefined;
    },
    [api],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
