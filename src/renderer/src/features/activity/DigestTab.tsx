import { useId, useState, type ReactNode } from 'react';
import type { Digest, DigestSection } from '../../../../shared';
import { EmptyState } from '../../components/EmptyState';
import { useRpc } from '../../rpc/rpc-context';
import { useRuns } from '../../stores/runs';
import { LoadProblem, Loading } from '../integrations/LoadState';
import { loadDigest, runNow } from './activity-actions';
import { formatDay, formatExact } from './activity-format';

const DIGEST_FUNCTION = 'morning-digest';

/** The latest morning digest: what needs the person today, section by section. */
export function DigestTab() {
  const client = useRpc();
  const digest = useRuns((s) => s.digest);
  const status = useRuns((s) => s.digestStatus);
  const error = useRuns((s) => s.digestError);
  const name = useRuns((s) => s.functions.find((f) => f.id === DIGEST_FUNCTION)?.name ?? 'Morning digest');
  const [starting, setStarting] = useState(false);

  async function start() {
    setStarting(true);
    await runNow(client, DIGEST_FUNCTION, name);
    setStarting(false);
  }

  const runButton = (
    <button type="button" className="button button--small" disabled={starting} onClick={() => void start()}>
      {starting ? 'Starting…' : 'Run the digest now'}
    </button>
  );

  if (status === 'error') return <LoadProblem what="the digest" error={error} onRetry={() => void loadDigest(client)} />;
  if (digest) return <DigestView digest={digest} action={runButton} />;
  if (status !== 'ready') return <Loading what="the digest" />;
  return (
    <EmptyState icon="sparkle" title="No digest yet" action={runButton}>
      Every morning Izzie gathers the mail that needs you, today’s calendar and its conflicts, pull requests awaiting your review,
      your Linear issues and waiting approvals into one digest. The first one appears here.
    </EmptyState>
  );
}

function DigestView({ digest, action }: { digest: Digest; action: ReactNode }) {
  const headingId = useId();
  return (
    <article className="digest" aria-labelledby={headingId}>
      <header className="digest__head">
        <div>
          <h2 id={headingId} className="digest__title">
            Digest for {formatDay(digest.day)}
          </h2>
          <p className="digest__written">Written {formatExact(digest.createdAt)}</p>
        </div>
        {action}
      </header>
      {digest.summary ? <p className="digest__summary">{digest.summary}</p> : null}
      {digest.sections.map((section) => (
        <DigestSectionView key={section.id} section={section} />
      ))}
    </article>
  );
}

function DigestSectionView({ section }: { section: DigestSection }) {
  const headingId = useId();
  return (
    <section className={`digest-section digest-section--${section.id}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="digest-section__title">
        {section.title}{' '}
        <span className="digest-section__count" data-count={section.items.length}>
          {section.items.length}
        </span>
      </h3>
      {section.items.length > 0 ? (
        <ul className="digest-section__items">
          {section.items.map((item, i) => (
            <li key={`${item.title}-${i}`} className="digest-item">
              {item.url ? (
                <a className="digest-item__title" href={item.url} target="_blank" rel="noreferrer">
                  {item.title}
                </a>
              ) : (
                <span className="digest-item__title">{item.title}</span>
              )}
              {item.detail ? <span className="digest-item__detail">{item.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {section.note ? (
        <p className="digest-section__note">{section.note}</p>
      ) : section.items.length === 0 ? (
        <p className="digest-section__note">Nothing here.</p>
      ) : null}
    </section>
  );
}
