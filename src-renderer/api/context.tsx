import { createContext, useContext } from 'react';
import type { StationApi } from './types.js';

export const ApiContext = createContext<StationApi | null>(null);

export function useApi(): StationApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
