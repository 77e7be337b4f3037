import { useEffect } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { usePermissions } from '../../stores/permissions';
import { usePersonas } from '../../stores/personas';
import { AlwaysConfirmChoices } from './AlwaysConfirmChoices';
import { ApprovalTimingForm } from './ApprovalTimingForm';
import { GrantList } from './GrantList';
import { loadGrants, loadPolicy } from './permissions-actions';
import { loadPersonas } from './personas-actions';
import { SettingsSection } from './SettingsSection';
import { ToolAccessMatrix } from './ToolAccessMatrix';
import './permissions.css';

/**
 * Settings → Permissions: what Izzie may do as the person and when it must ask. Everything here is
 * enforced by the core's policy gate; the window only shows it and sends changes.
 */
export function PermissionsSection() {
  const client = useRpc();
  const policy = usePermissions((s) => s.policy);
  const policyStatus = usePermissions((s) => s.policyStatus);

  useEffect(() => {
    const { policyStatus: policyNow, grantsStatus } = usePermissions.getState();
    if (policyNow === 'idle') void loadPolicy(client);
    if (grantsStatus === 'idle') void loadGrants(client);
    if (usePersonas.getState().status === 'idle') void loadPersonas(client);
  }, [client]);

  return (
    <SettingsSection
      id="permissions"
      title="Permissions"
      description="What Izzie may do as you, and when it must ask first. Acting as you is called proxy mode."
    >
      <div className="permissions">
        {policy ? (
          <>
            <ToolAccessMatrix policy={policy} />
            <AlwaysConfirmChoices policy={policy} />
            <ApprovalTimingForm policy={policy} />
          </>
        ) : (
          <p className="settings-loading">{policyStatus === 'error' ? 'The permissions could not be loaded.' : 'Loading…'}</p>
        )}
        <GrantList />
      </div>
    </SettingsSection>
  );
}
