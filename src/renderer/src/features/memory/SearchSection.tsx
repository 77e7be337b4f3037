import { useId, useState, type FormEvent } from 'react';
import type { PersonaId } from '../../../../shared';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { Segmented } from '../../components/Segmented';
import { useRpc } from '../../rpc/rpc-context';
import { useMemory } from '../../stores/memory';
import { clearSearch, searchMemories } from './memory-actions';
import { PERSONA_NAMES } from './memory-format';
import { SearchResults } from './SearchResults';

const PERSONAS: readonly { value: PersonaId; label: string }[] = [
  { value: 'work', label: PERSONA_NAMES.work },
  { value: 'personal', label: PERSONA_NAMES.personal },
];

/** Search as a persona sees it: only the namespaces that persona may read. */
export function SearchSection() {
  const client = useRpc();
  const search = useMemory((s) => s.search);
  const namespaces = useMemory((s) => s.namespaces);
  const [text, setText] = useState(search.query);
  const headingId = useId();
  const hintId = useId();
  const errorId = useId();
  const readable = namespaces.filter((n) => n.accessContexts.includes(search.persona)).map((n) => n.namespace);

  function submit(event: FormEvent) {
    event.preventDefault();
    void searchMemories(client, text, search.persona);
  }

  function changePersona(persona: PersonaId) {
    if (search.status === 'idle') useMemory.getState().setSearch({ persona });
    else void searchMemories(client, search.query, persona);
  }

  return (
    <section className="memory-section" aria-labelledby={headingId}>
      <div className="memory-section__head">
        <h2 id={headingId} className="memory-section__title">
          Search
        </h2>
        <Segmented small label="Search as" options={PERSONAS} value={search.persona} onChange={changePersona} />
      </div>
      <form className="memory-search" role="search" aria-label="Memory search" noValidate onSubmit={submit}>
        <div className="memory-search__box">
          <Icon name="sparkle" size={15} className="memory-search__icon" />
          <input
            type="search"
            className="input memory-search__input"
            aria-label="Search memories"
            aria-describedby={search.error ? `${errorId} ${hintId}` : hintId}
            aria-invalid={search.status === 'error'}
            placeholder="Who is my manager? What do I prefer for meetings?"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && text) {
                event.preventDefault();
                setText('');
                clearSearch();
              }
            }}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={search.status === 'loading'}>
          Search
        </button>
      </form>
      <p id={hintId} className="memory-section__hint">
        {PERSONA_NAMES[search.persona]} reads {readable.length > 0 ? readable.join(', ') : 'its own namespaces'}; by meaning and
        by keywords, plus what is known about people and projects you name.
      </p>
      <FormError id={errorId} message={search.error} />
      <SearchResults />
    </section>
  );
}
