import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/database';
import { sqlMigrations } from '../store/migration-files';
import { migrate } from '../store/migrations';
import { KeywordSearch, RANKING_BUDGET, keywordTerms } from './keyword-search.mjs';

function store(texts: readonly [string, string][]): Db {
  const db = openDatabase(':memory:');
  migrate(db, sqlMigrations);
  const insert = db.prepare(
    `INSERT INTO memories (id, namespace, kind, content, content_key, created_at, updated_at, learned_at, valid_from, confidence)
     VALUES (?, ?, 'fact', ?, ?, 0, 0, 0, 0, 0.9)`,
  );
  db.transaction(() => texts.forEach(([namespace, text], i) => insert.run(`m${i}`, namespace, text, `${text}-${i}`)))();
  return db;
}

const everywhere = { namespaces: ['work', 'personal'], includeInvalid: false, limit: 10 };
const contents = (db: Db, seqs: number[]) =>
  seqs.map((seq) => (db.prepare('SELECT content FROM memories WHERE seq = ?').get(seq) as { content: string }).content);

describe('keyword search', () => {
  let db: Db | null = null;
  afterEach(() => db?.close());

  it('drops stopwords, repeats and single letters, and never lets query syntax through', () => {
    expect(keywordTerms('Who is Dana’s manager? Dana "NEAR" x -Atlas*')).toEqual(['dana', 'manager', 'near', 'atlas']);
  });

  it('ranks memories holding every word first, then those holding the rarer words', () => {
    db = store([
      ['work', 'Dana Reyes leads Project Atlas'],
      ['work', 'Dana moved the Atlas review to Friday'],
      ['work', 'Project Orion ships in May'],
      ['personal', 'Dana likes ramen'],
    ]);
    const seqs = new KeywordSearch(db).search({ ...everywhere, text: 'Dana Atlas' });
    expect(contents(db, seqs).slice(0, 2).sort()).toEqual([
      'Dana Reyes leads Project Atlas',
      'Dana moved the Atlas review to Friday',
    ]);
    expect(contents(db, seqs)).toContain('Dana likes ramen');
    expect(contents(db, seqs)).not.toContain('Project Orion ships in May');
  });

  it('matches stems and ignores a word no memory holds instead of returning nothing', () => {
    db = store([['work', 'Luis manages the hiring plan']]);
    const seqs = new KeywordSearch(db).search({ ...everywhere, text: 'managing hiring zebrafish' });
    expect(contents(db, seqs)).toEqual(['Luis manages the hiring plan']);
  });

  it('keeps to the namespaces asked for', () => {
    db = store([
      ['work', 'Budget review on Monday'],
      ['personal', 'Budget for the holiday'],
    ]);
    const seqs = new KeywordSearch(db).search({ ...everywhere, namespaces: ['personal'], text: 'budget' });
    expect(contents(db, seqs)).toEqual(['Budget for the holiday']);
  });

  it('leaves words too common for the ranking budget out of the "any word" pass', () => {
    const common: [string, string][] = Array.from({ length: RANKING_BUDGET + 10 }, (_, i) => [
      'work',
      `status update number ${i}`,
    ]);
    db = store([...common, ['work', 'Quasar launch moved to June']]);
    const search = new KeywordSearch(db);
    // No memory holds both words: the rare one is searched alone, the common one is left to vectors.
    const seqs = search.search({ ...everywhere, text: 'status quasar' });
    expect(contents(db, seqs)).toEqual(['Quasar launch moved to June']);
  });

  it('offers only memories holding every word as near-duplicate candidates', () => {
    db = store([
      ['work', 'Dana Reyes leads Project Atlas'],
      ['work', 'Dana leads the book club'],
    ]);
    const seqs = new KeywordSearch(db).search({ ...everywhere, text: 'Dana leads Atlas', everyTerm: true });
    expect(contents(db, seqs)).toEqual(['Dana Reyes leads Project Atlas']);
    expect(new KeywordSearch(db).search({ ...everywhere, text: 'Dana leads zebrafish', everyTerm: true })).toEqual([]);
  });
});
