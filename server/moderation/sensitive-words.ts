import { readFileSync } from 'node:fs';

/**
 * Normal form for matching: NFKC folds full-width and compatibility forms, and everything that
 * is not a letter or digit is dropped, so "加 微 信" and "加\u200b微信" match "加微信".
 */
export const normalizeForMatch = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export interface WordList {
  /** The first listed word the text contains, or null. */
  find(text: string): string | null;
}

export function wordList(words: string[]): WordList {
  const entries = words.map((w) => [w, normalizeForMatch(w)] as const).filter(([, n]) => n.length > 0);
  return {
    find(text) {
      const n = normalizeForMatch(text);
      return entries.find(([, w]) => n.includes(w))?.[0] ?? null;
    },
  };
}

export function loadWordList(path: string): WordList {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.trim());
  return wordList(lines.filter((l) => l && !l.startsWith('#')));
}

export const DEFAULT_WORDS_FILE = new URL('./default-sensitive-words.txt', import.meta.url);
