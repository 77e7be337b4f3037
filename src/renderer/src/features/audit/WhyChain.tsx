import type { ChainLink } from '../../../../shared';
import { useRpc } from '../../rpc/rpc-context';
import { useAudit } from '../../stores/audit';
import { isPageId, useNavigation } from '../../stores/navigation';
import { formatExact } from '../activity/activity-format';
import { LoadProblem } from '../integrations/LoadState';
import { selectEntry } from './audit-actions';
import { effectResult, LINK_NAMES } from './audit-format';

/**
 * "Why did Izzie do this?": the chain from what started it to what it did — event, classification,
 * run and step, tool call, policy decision, approval, effect — in order, each link opening where it
 * can be seen in full.
 */
export function WhyChain({ seq }: { seq: number }) {
  const client = useRpc();
  const chain = useAudit((s) => s.chain);
  const status = useAudit((s) => s.chainStatus);
  const error = useAudit((s) => s.chainError);

  if (status === 'error')
    return <LoadProblem what="why Izzie did this" error={error} onRetry={() => void selectEntry(client, seq)} />;
  if (status !== 'ready') return <p className="why-chain__none">Following the chain…</p>;
  if (chain.length === 0) return <p className="why-chain__none">Nothing led to this entry: it stands on its own.</p>;
  return (
    <ol className="why-chain" aria-label="Why did Izzie do this?">
      {chain.map((link, i) => (
        <li
          key={`${link.kind}-${link.seq ?? i}`}
          className="why-chain__link"
          data-kind={link.kind}
          aria-current={link.seq === seq ? 'step' : undefined}
        >
          <span className="why-chain__marker" aria-hidden="true" />
          <div className="why-chain__body">
            <div className="why-chain__head">
              <span className="why-chain__kind">{LINK_NAMES[link.kind]}</span>
              <span className="why-chain__title">{link.title}</span>
              {link.at !== null ? (
                <time className="why-chain__time" dateTime={new Date(link.at).toISOString()}>
                  {formatExact(link.at)}
                </time>
              ) : null}
            </div>
            <LinkDetail link={link} />
            <LinkTarget link={link} current={seq} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The link's detail; an effect's in words ("Posted in #general"), not the tool's raw answer. */
function LinkDetail({ link }: { link: ChainLink }) {
  const result = effectResult(link);
  if (!result) return link.detail ? <p className="why-chain__detail">{link.detail}</p> : null;
  return (
    <p className="why-chain__detail">
      {result.text}
      {result.url ? (
        <>
          {' '}
          <a className="audit__link" href={result.url} target="_blank" rel="noreferrer">
            Open in {result.site ?? 'the browser'}
          </a>
        </>
      ) : null}
    </p>
  );
}

/** Where a link can be opened: its page (a chat, a run, an approval), its own audit entry, or both. */
function LinkTarget({ link, current }: { link: ChainLink; current: number }) {
  const client = useRpc();
  const { target } = link;
  const auditSeq = target?.page === 'audit' && target.id ? Number(target.id) : link.seq;
  const page = target && target.page !== 'audit' && isPageId(target.page) ? target.page : null;
  const id = target?.id;
  const showEntry = auditSeq !== null && Number.isInteger(auditSeq) && auditSeq !== current;
  if (!page && !showEntry) return null;
  return (
    <div className="why-chain__links">
      {page ? (
        <button
          type="button"
          className="audit__link"
          onClick={() =>
            page === 'chat' && id
              ? useNavigation.getState().selectThread(id)
              : useNavigation.getState().navigate(page, id ? { section: id } : undefined)
          }
        >
          Open in {page.charAt(0).toUpperCase() + page.slice(1)}
        </button>
      ) : null}
      {showEntry ? (
        <button type="button" className="audit__link" onClick={() => void selectEntry(client, auditSeq)}>
          Show entry {auditSeq}
        </button>
      ) : null}
    </div>
  );
}
