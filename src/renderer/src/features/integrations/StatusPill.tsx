import type { ReactNode } from 'react';
import type { Tone } from './status';

/** A status in words with a coloured dot; announced politely when it changes. */
export function StatusPill({ label, tone, detail }: { label: string; tone: Tone; detail?: ReactNode }) {
  return (
    <span className={`status-pill status-pill--${tone}`} aria-live="polite">
      <span className="status-pill__dot" aria-hidden="true" />
      {label}
      {detail}
    </span>
  );
}
