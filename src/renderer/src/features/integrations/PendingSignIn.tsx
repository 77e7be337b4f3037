import { useEffect, useRef, useState } from 'react';
import type { Integration } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { formatClock } from '../chat/relative-time';

type Pending = NonNullable<Integration['pending']>;

/**
 * A browser or device sign-in in progress: what the person has to do, the page to open (the core
 * opens it too, but a blocked pop-up or another browser must not strand them), the device code to
 * type, and Cancel. The card updates by itself when the service answers.
 */
export function PendingSignIn({
  integration,
  pending,
  cancelling,
  autoFocus,
  onCancel,
}: {
  integration: Integration;
  pending: Pending;
  cancelling: boolean;
  /** Just started from this window: take the person straight to the page to open. */
  autoFocus: boolean;
  onCancel(): void;
}) {
  const linkRef = useRef<HTMLAnchorElement>(null);
  const [copied, setCopied] = useState(false);
  const safeUrl = /^https?:\/\//i.test(pending.url) ? pending.url : null;
  const service = integration.id === 'google' ? 'Google' : integration.name;

  useEffect(() => {
    if (autoFocus) linkRef.current?.focus();
  }, [autoFocus]);

  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // No clipboard (permissions, an old browser): the code stays selectable on screen.
      setCopied(false);
    }
  }

  return (
    <div className="sign-in" role="group" aria-label="Sign-in in progress">
      <p className="sign-in__title">
        <span className="spinner" aria-hidden="true" />
        {pending.kind === 'oauth' ? 'Finish signing in in your browser…' : `Enter this code on ${service} to finish signing in…`}
      </p>
      {pending.kind === 'device' && pending.userCode ? (
        <div className="sign-in__code-row">
          <output className="sign-in__code" aria-label="Sign-in code">
            {pending.userCode}
          </output>
          <button type="button" className="button button--small" onClick={() => void copy(pending.userCode ?? '')}>
            {copied ? <Icon name="check" size={14} /> : null}
            {copied ? 'Copied' : 'Copy code'}
          </button>
        </div>
      ) : null}
      <p className="sign-in__text">
        {pending.kind === 'oauth'
          ? `Izzie opened ${service}’s sign-in page. If you don’t see it, open it here. This card updates by itself once you have agreed.`
          : 'Open the page, sign in, and type the code. This card updates by itself once you have agreed.'}{' '}
        <span className="sign-in__expiry">The sign-in expires at {formatClock(pending.expiresAt)}.</span>
      </p>
      <div className="sign-in__actions">
        {safeUrl ? (
          <a ref={linkRef} className="button button--primary" href={safeUrl} target="_blank" rel="noreferrer">
            Open the sign-in page
          </a>
        ) : null}
        <button type="button" className="button" disabled={cancelling} onClick={onCancel}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
        {safeUrl && pending.kind === 'device' ? <span className="sign-in__url">{safeUrl}</span> : null}
      </div>
    </div>
  );
}
