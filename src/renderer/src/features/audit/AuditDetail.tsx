import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { AuditEntry } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { formatDuration, formatExact, prettyOutput } from '../activity/activity-format';
import { formatCost } from '../chat/usage';
import { closeEntry } from './audit-actions';
import { ACTOR_NAMES, MODE_NAMES, PERSONA_NAMES } from './audit-format';
import { WhyChain } from './WhyChain';

/** Everything one entry holds — who, what, how it went, what went in and out, its place in the chain — and why it happened. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const traced = Object.entries(entry.trace).filter(([, id]) => id !== undefined);

  // A newly chosen entry takes focus, so a keyboard or screen-reader user lands on what they opened.
  useEffect(() => headingRef.current?.focus(), [entry.seq]);

  // Closing gives focus back to the entry's row, when the list shows it.
  function close() {
    closeEntry();
    document.querySelector<HTMLElement>(`.audit-row[data-seq="${entry.seq}"] .audit-row__open`)?.focus();
  }

  return (
    <section
      className="audit-detail"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <div className="audit-detail__head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="audit-detail__title">
          Entry {entry.seq} · {entry.action}
        </h2>
        <button type="button" className="icon-button" aria-label="Close the entry" title="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </div>
      <dl className="audit-facts">
        <Fact label="Time">{formatExact(entry.at)}</Fact>
        <Fact label="Actor">{ACTOR_NAMES[entry.actor]}</Fact>
        <Fact label="Mode">{entry.mode ? MODE_NAMES[entry.mode] : 'None'}</Fact>
        <Fact label="Persona">{entry.persona ? PERSONA_NAMES[entry.persona] : 'None'}</Fact>
        <Fact label="Outcome">{entry.success ? 'Succeeded' : `Failed${entry.error ? `: ${entry.error}` : ''}`}</Fact>
        {entry.model ? <Fact label="Model">{entry.model}</Fact> : null}
        {entry.tokensIn !== null || entry.tokensOut !== null ? (
          <Fact label="Tokens">
            {(entry.tokensIn ?? 0).toLocaleString('en')} in, {(entry.tokensOut ?? 0).toLocaleString('en')} out
          </Fact>
        ) : null}
        {entry.latencyMs !== null ? <Fact label="Latency">{formatDuration(entry.latencyMs)}</Fact> : null}
        {entry.costUsd !== null ? <Fact label="Cost">{formatCost(entry.costUsd)}</Fact> : null}
        {traced.map(([key, id]) => (
          <Fact key={key} label={key} mono>
            {id}
          </Fact>
        ))}
        <Fact label="Hash" mono>
          {entry.hash}
        </Fact>
        <Fact label="Previous hash" mono>
          {entry.prevHash}
        </Fact>
      </dl>
      <Payload label="Input" text={entry.input} />
      <Payload label="Output" text={entry.output} />
      <h3 className="audit-detail__subtitle">Why did Izzie do this?</h3>
      <WhyChain seq={entry.seq} />
    </section>
  );
}

function Fact({ label, mono = false, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <div className="audit-facts__row">
      <dt>{label}</dt>
      <dd className={mono ? 'audit-facts__mono' : undefined}>{children}</dd>
    </div>
  );
}

/** Input or output as indented JSON; secrets were removed before it was written. */
function Payload({ label, text }: { label: string; text: string | null }) {
  const id = useId();
  return (
    <div className="audit-payload">
      <h3 id={id} className="audit-detail__subtitle">
        {label}
      </h3>
      {text === null ? (
        <p className="audit-payload__none">None recorded.</p>
      ) : (
        <pre className="audit-payload__text" aria-labelledby={id} tabIndex={0}>
          {prettyOutput(text)}
        </pre>
      )}
    </div>
  );
}
