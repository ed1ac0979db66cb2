/**
 * The learner's challenge results, kept in this browser (localStorage) by challenge name: the
 * best result stays (a pass is never overwritten by a later miss), so a learner who passed sees
 * it on every visit. Storage that refuses (private mode, quota) keeps the result for this page
 * only, and says so.
 */
import { create } from 'zustand';

export const CHALLENGES_KEY = 'archsim.challenges.v1';

export interface ChallengeResult {
  passed: boolean;
  /** Objectives met of all, in the run that gave this result. */
  met: number;
  of: number;
  /** When (ISO time) and with which seed. */
  at: string;
  seed: number;
}

function readAll(): Record<string, ChallengeResult> {
  try {
    const text = globalThis.localStorage?.getItem(CHALLENGES_KEY);
    const parsed: unknown = text ? JSON.parse(text) : {};
    return parsed !== null && typeof parsed === 'object'
      ? (parsed as Record<string, ChallengeResult>)
      : {};
  } catch {
    return {};
  }
}

interface ChallengeStore {
  results: Record<string, ChallengeResult>;
  /** False when the last result could not be written to storage. */
  kept: boolean;
  record: (name: string, r: ChallengeResult) => void;
}

export const useChallengeResults = create<ChallengeStore>()((set, get) => ({
  results: readAll(),
  kept: true,
  record: (name, r) => {
    const old = get().results[name];
    // A pass stays; a better miss replaces a worse one.
    if (old !== undefined && (old.passed || (!r.passed && old.met >= r.met))) return;
    const results = { ...readAll(), ...get().results, [name]: r };
    let kept = true;
    try {
      globalThis.localStorage.setItem(CHALLENGES_KEY, JSON.stringify(results));
    } catch {
      kept = false;
    }
    set({ results, kept });
  },
}));
