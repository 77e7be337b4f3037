import { useId, useMemo } from 'react';
import type { Grant } from '../../../../shared';
import { usePermissions } from '../../stores/permissions';
import { useNow } from '../chat/relative-time';
import { GrantForm } from './GrantForm';
import { GrantItem } from './GrantItem';

/** The grants, those still in force first, and the form for a new one. */
export function GrantList() {
  const grants = usePermissions((s) => s.grants);
  const status = usePermissions((s) => s.grantsStatus);
  const now = useNow(30_000);
  const titleId = useId();
  const ordered = useMemo(() => activeFirst(grants), [grants]);

  return (
    <section className="permissions-block" aria-labelledby={titleId}>
      <h3 id={titleId} className="permissions-block__title">
        Grants
      </h3>
      <p className="field__hint">
        What Izzie may do as you without asking each time. “Approve and allow” on the Approvals page adds one; a revoked grant
        stops at once.
      </p>
      {ordered.length > 0 ? (
        <ul className="grant-list" aria-labelledby={titleId}>
          {ordered.map((grant) => (
            <li key={grant.id}>
              <GrantItem grant={grant} now={now} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="settings-loading">
          {status === 'ready'
            ? 'No grants: Izzie asks you before every action it takes as you.'
            : status === 'error'
              ? 'The grants could not be loaded.'
              : 'Loading…'}
        </p>
      )}
      <GrantForm />
    </section>
  );
}

function activeFirst(grants: Grant[]): Grant[] {
  return [...grants].sort((a, b) => Number(b.state === 'active') - Number(a.state === 'active') || b.createdAt - a.createdAt);
}
