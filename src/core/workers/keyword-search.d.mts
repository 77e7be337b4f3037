import type { Database } from 'better-sqlite3';
import type { KeywordRequest } from './keyword-protocol';

/** Types of keyword-search.mjs (plain JavaScript, shared by its worker and the main thread). */
export declare const RANKING_BUDGET: number;
export declare function keywordTerms(text: string): string[];
export declare function quoted(terms: readonly string[], join: 'AND' | 'OR'): string;
export declare class KeywordSearch {
  constructor(db: Database, now?: () => number);
  search(request: KeywordRequest): number[];
  termCounts(words: readonly string[]): Map<string, number>;
  match(
    match: string,
    options: { namespaces: readonly string[]; includeInvalid: boolean; limit: number; order: 'relevance' | 'newest' },
  ): number[];
}
