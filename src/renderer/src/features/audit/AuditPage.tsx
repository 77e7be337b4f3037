import { useEffect } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { useAudit } from '../../stores/audit';
import { useNavigation } from '../../stores/navigation';
import { openAuditPage, selectEntry } from './audit-actions';
import { AuditDetail } from './AuditDetail';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ExportButtons } from './ExportButtons';
import { VerifyBadge } from './VerifyBadge';
import './audit.css';

/**
 * The tamper-evident record of everything Izzie did: whether its hash chain holds, the entries under
 * filters, one entry in full with the chain of what led to it, and export. A link elsewhere lands on
 * an entry by its number (navigation `section`).
 */
export function AuditPage() {
  const client = useRpc();
  const selected = useAudit((s) => s.selected);
  const section = useNavigation((s) => s.section);
  const clearSection = useNavigation((s) => s.clearSection);

  useEffect(() => {
    void openAuditPage(client);
  }, [client]);

  useEffect(() => {
    if (!section) return;
    clearSection();
    const seq = Number(section);
    if (Number.isInteger(seq)) void selectEntry(client, seq);
  }, [client, section, clearSection]);

  return (
    <div className="page audit-page">
      <header className="page__header audit-page__header">
        <div>
          <h1 className="page__title">Audit</h1>
          <p className="page__subtitle">A tamper-evident record of everything Izzie does, kept on this computer.</p>
        </div>
        <ExportButtons />
      </header>
      <VerifyBadge />
      <AuditFilters />
      <div className={selected ? 'audit-layout audit-layout--detail' : 'audit-layout'}>
        <section className="audit-layout__list" aria-label="Entries">
          <AuditTable />
        </section>
        {selected ? <AuditDetail entry={selected} /> : null}
      </div>
    </div>
  );
}
