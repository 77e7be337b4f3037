// @ts-check
/**
 * Keyword (FTS5) search over memories, shared as-is by its worker (keyword.worker.mjs) and the
 * main thread (an in-memory database, in tests). Plain JavaScript for the same reason as the other
 * workers. Ranking is what costs — about a microsecond an index entry: an OR of common words over
 * 100k memories ranks tens of thousands of entries and takes 40–70 ms — while the words that make a
 * keyword search worth having (names, numbers, rare terms) are held by few memories. So:
 * 1. memories holding every term, ranked by bm25 when the rarest term is within the budget, else
 *    newest first (they all hold the same common words; bm25 would barely tell them apart);
 * 2. when those are too few, memories holding any of the rarest terms whose entries fit the budget.
 * Terms too common for the budget are left to the vector side, which handles meaning better anyway.
 */
import { stemmer } from 'stemmer';

/** @typedef {import('better-sqlite3').Database} Database */
/** @typedef {import('./keyword-protocol').KeywordRequest} KeywordRequest */

/** Index entries one query may rank; `npm run bench` keeps the whole search within its goal with it. */
export const RANKING_BUDGET = 2500;

const STOPWORDS = new Set(
  (
    'a an and are as at be but by can did do does for from had has have he her him his how i if in into is it its me my ' +
    'no not of on or our she so that the their them then there these they this to us was we were what when where which ' +
    'who whom why will with you your about after again all am any because been before being both during each few ' +
    'more most other own same should than too very just also please remember forget know tell'
  ).split(' '),
);
const MAX_TERMS = 16;

const TERM_COUNT_TTL_MS = 60_000;
const TERM_COUNT_ENTRIES = 4096;
const TERM_COUNT_CACHED_FROM = 200;

/**
 * The meaningful words of what a person typed (stopwords and single letters dropped), lowercase,
 * each once, at most MAX_TERMS.
 * @param {string} text
 * @returns {string[]}
 */
export function keywordTerms(text) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  /** @type {string[]} */
  const terms = [];
  for (const word of words) {
    if (STOPWORDS.has(word) || (word.length < 2 && !/\d/.test(word)) || terms.includes(word)) continue;
    terms.push(word);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/**
 * An FTS5 query joining the terms, each quoted so FTS5 syntax in the text (quotes, NEAR, *, -) is
 * matched literally, never interpreted.
 * @param {readonly string[]} terms
 * @param {'AND' | 'OR'} join
 */
export function quoted(terms, join) {
  return terms.map((t) => `"${t}"`).join(` ${join} `);
}

/**
 * A word as the index's tokenizer (`porter unicode61 remove_diacritics 2`) stores it.
 * @param {string} word
 */
function indexedForm(word) {
  return stemmer(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}

export class KeywordSearch {
  /**
   * @param {Database} db a connection to Izzie's database (read-only is enough)
   * @param {() => number} [now]
   */
  constructor(db, now = () => performance.now()) {
    this.db = db;
    this.now = now;
    /** @type {Map<string, { count: number; at: number }>} */
    this.counts = new Map();
    /** @type {Map<string, import('better-sqlite3').Statement>} */
    this.statements = new Map();
  }

  /**
   * Memory seqs matching the request, best first.
   * @param {KeywordRequest} request
   * @returns {number[]}
   */
  search(request) {
    const words = keywordTerms(request.text);
    if (words.length === 0 || request.namespaces.length === 0) return [];
    const counts = this.termCounts(words);
    const filter = { namespaces: request.namespaces, includeInvalid: request.includeInvalid, limit: request.limit };
    if (request.everyTerm) {
      // Candidates for a similarity check, not a ranking: the newest that hold every word will do.
      if (words.some((w) => (counts.get(w) ?? 0) === 0)) return [];
      return this.match(quoted(words, 'AND'), { ...filter, order: 'newest' });
    }
    // A word no memory holds cannot match; it must not empty the "every term" list either.
    const terms = words.filter((w) => (counts.get(w) ?? 0) > 0);
    if (terms.length === 0) return [];
    const byRarity = [...terms].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
    const rarest = counts.get(byRarity[0] ?? '') ?? 0;

    const all = this.match(quoted(terms, 'AND'), { ...filter, order: rarest <= RANKING_BUDGET ? 'relevance' : 'newest' });
    if (all.length >= request.limit || terms.length === 1) return all;

    /** @type {string[]} */
    const rare = [];
    let entries = 0;
    for (const term of byRarity) {
      const count = counts.get(term) ?? 0;
      if (entries + count > RANKING_BUDGET) break;
      entries += count;
      rare.push(term);
    }
    if (rare.length === 0) return all;
    const seen = new Set(all);
    const some = this.match(quoted(rare, 'OR'), { ...filter, order: 'relevance' }).filter((seq) => !seen.has(seq));
    return [...all, ...some].slice(0, request.limit);
  }

  /**
   * How many memories hold each word as the index sees it, from the index's vocabulary. The
   * vocabulary counts by walking a term's entries, so counts of common words are kept for a minute:
   * they only steer how the budget is spent. Rare words are always counted afresh, so a word the
   * user just taught Izzie is never taken for one no memory holds. A word whose stem the vocabulary
   * does not list (a stemmer disagreement, or no memory holds it) is counted by the index itself.
   * @param {readonly string[]} words
   * @returns {Map<string, number>}
   */
  termCounts(words) {
    const now = this.now();
    /** @type {Map<string, number>} */
    const out = new Map();
    /** @type {string[]} */
    const missing = [];
    for (const word of words) {
      const cached = this.counts.get(word);
      if (cached && now - cached.at < TERM_COUNT_TTL_MS) out.set(word, cached.count);
      else missing.push(word);
    }
    if (missing.length === 0) return out;
    const stems = missing.map(indexedForm);
    const rows = /** @type {{ term: string; doc: number }[]} */ (
      this.statement(`SELECT term, doc FROM memories_fts_vocab WHERE term IN (${placeholders(stems.length)})`).all(...stems)
    );
    const byStem = new Map(rows.map((r) => [r.term, r.doc]));
    const count = this.statement('SELECT count(*) AS n FROM memories_fts WHERE memories_fts MATCH ?');
    missing.forEach((word, i) => {
      const n = byStem.get(stems[i] ?? '') ?? /** @type {{ n: number }} */ (count.get(`"${word}"`)).n;
      out.set(word, n);
      this.counts.delete(word);
      if (n >= TERM_COUNT_CACHED_FROM) this.counts.set(word, { count: n, at: now });
    });
    while (this.counts.size > TERM_COUNT_ENTRIES) {
      const oldest = this.counts.keys().next();
      if (oldest.done) break;
      this.counts.delete(oldest.value);
    }
    return out;
  }

  /**
   * FTS5 matches for `match` in the given namespaces: best bm25 first, or newest first.
   * @param {string} match
   * @param {{ namespaces: readonly string[]; includeInvalid: boolean; limit: number; order: 'relevance' | 'newest' }} options
   * @returns {number[]}
   */
  match(match, options) {
    const { namespaces } = options;
    if (namespaces.length === 0) return [];
    const rows = /** @type {{ seq: number }[]} */ (
      this.statement(
        `SELECT m.seq AS seq FROM memories_fts f JOIN memories m ON m.seq = f.rowid
         WHERE memories_fts MATCH ? AND m.namespace IN (${placeholders(namespaces.length)})
           ${options.includeInvalid ? '' : 'AND m.invalid_at IS NULL'}
         ORDER BY ${options.order === 'relevance' ? 'f.rank' : 'f.rowid DESC'} LIMIT ?`,
      ).all(match, ...namespaces, options.limit)
    );
    return rows.map((r) => r.seq);
  }

  /**
   * Compiling costs more than most of these queries take to run; the shapes repeat.
   * @param {string} sql
   */
  statement(sql) {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= 128) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** @param {number} n */
function placeholders(n) {
  return Array.from({ length: n }, () => '?').join(', ');
}
