/**
 * Messages between memory search (src/core/memory/search/keyword-client.ts) and the keyword thread
 * (keyword.worker.mjs). Types only: the worker reads them through JSDoc.
 */
export interface KeywordRequest {
  readonly text: string;
  readonly namespaces: readonly string[];
  readonly includeInvalid: boolean;
  readonly limit: number;
  /** Only memories holding every term (a near-duplicate check wants nothing looser). */
  readonly everyTerm?: boolean;
}

export type ToKeywords =
  /** Opens the database file read-only; sent once, first. */
  | { readonly id: number; readonly op: 'open'; readonly file: string }
  | { readonly id: number; readonly op: 'search'; readonly request: KeywordRequest };

export type FromKeywords =
  | { readonly id: number; readonly type: 'done'; readonly seqs: readonly number[] }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };
