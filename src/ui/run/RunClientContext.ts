// Lets tests (and an embedding page) hand the run controls their own client.
import { createContext, useContext } from 'react';
import type { RunClient } from './runConnection.ts';
import { deferredRunClient } from '../lazy/deferredRunClient.ts';

export const RunClientContext = createContext<RunClient | null>(null);

export function useRunClient(): RunClient {
  return useContext(RunClientContext) ?? deferredRunClient;
}
