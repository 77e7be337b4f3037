import type { Grant, MethodInput, PersonaId, PolicySettings, RpcClient } from '../../../../shared';
import { RpcError } from '../../../../shared';
import { describeError, reportError } from '../../stores/banners';
import { usePermissions } from '../../stores/permissions';
import { useToasts } from '../../stores/toasts';
import { toFormProblem, type FormProblem } from '../integrations/form-problem';

/**
 * Settings → Permissions over the RPC client: the policy (tool access in proxy mode, what always
 * waits for the person, the undo window and how long an approval waits) and the grants. Loading
 * problems are banners; a refused change comes back as sentences for the fields it names.
 */

export type GrantField = 'scope' | 'persona' | 'actionClass' | 'tool' | 'allowlist' | 'rateLimit' | 'days';
export type PolicyField = 'proxyToolAccess' | 'alwaysConfirm' | 'undoSeconds' | 'approvalTtlHours';

/** A refused policy change; tool-access problems are also sorted by persona, so each shows under its own list. */
export interface PolicyProblem extends FormProblem<PolicyField> {
  readonly tools: Partial<Record<PersonaId, string>>;
}

export async function loadPolicy(client: RpcClient): Promise<void> {
  if (usePermissions.getState().policyStatus !== 'ready') usePermissions.getState().set({ policyStatus: 'loading' });
  try {
    usePermissions.getState().set({ policy: await client.call('policy.get'), policyStatus: 'ready' });
  } catch (error) {
    usePermissions.getState().set({ policyStatus: 'error' });
    reportError('settings', 'Couldn’t load the permissions.', error, () => void loadPolicy(client));
  }
}

export async function loadGrants(client: RpcClient): Promise<void> {
  if (usePermissions.getState().grantsStatus !== 'ready') usePermissions.getState().set({ grantsStatus: 'loading' });
  try {
    usePermissions.getState().set({ grants: await client.call('grants.list'), grantsStatus: 'ready' });
  } catch (error) {
    usePermissions.getState().set({ grantsStatus: 'error' });
    reportError('settings', 'Couldn’t load the grants.', error, () => void loadGrants(client));
  }
}

/** After a (re)connect: whatever the section has shown, read again (what is still loading is current already). */
export async function refreshPermissions(client: RpcClient): Promise<void> {
  const { policyStatus, grantsStatus } = usePermissions.getState();
  const shown = (status: string) => status === 'ready' || status === 'error';
  await Promise.all([shown(policyStatus) ? loadPolicy(client) : undefined, shown(grantsStatus) ? loadGrants(client) : undefined]);
}

/** Saves part of the policy; the saved policy, or what was wrong with the change. */
export async function savePolicy(
  client: RpcClient,
  change: MethodInput<'policy.update'>,
): Promise<PolicySettings | PolicyProblem> {
  try {
    const policy = await client.call('policy.update', change);
    usePermissions.getState().set({ policy });
    return policy;
  } catch (error) {
    return {
      ...toFormProblem(error, ['proxyToolAccess', 'alwaysConfirm', 'undoSeconds', 'approvalTtlHours']),
      tools: toolProblems(error),
    };
  }
}

/** "proxyToolAccess.personal.2: Tool names are lowercase…" belongs under the Personal list. */
function toolProblems(error: unknown): Partial<Record<PersonaId, string>> {
  if (!(error instanceof RpcError) || error.code !== 'INVALID_INPUT') return {};
  const tools: Partial<Record<PersonaId, string>> = {};
  for (const part of error.message.replace(/^Invalid input for [\w.]+: /, '').split('; ')) {
    const match = /^proxyToolAccess\.(work|personal)[^:]*: (.*)$/s.exec(part);
    const persona = match?.[1] as PersonaId | undefined;
    if (persona) tools[persona] ??= match?.[2] ?? '';
  }
  return tools;
}

export async function createGrant(
  client: RpcClient,
  input: MethodInput<'grants.create'>,
): Promise<Grant | FormProblem<GrantField>> {
  try {
    const grant = await client.call('grants.create', input);
    usePermissions.getState().upsertGrant(grant);
    return grant;
  } catch (error) {
    return toFormProblem(error, ['scope', 'persona', 'actionClass', 'tool', 'allowlist', 'rateLimit', 'days']);
  }
}

/** Revokes at once; false when the core refused (a toast says why). */
export async function revokeGrant(client: RpcClient, grant: Grant): Promise<boolean> {
  try {
    usePermissions.getState().upsertGrant(await client.call('grants.revoke', { id: grant.id }));
    return true;
  } catch (error) {
    useToasts
      .getState()
      .push({ id: `grants-${nextToast++}`, title: 'Couldn’t revoke the grant.', body: describeError(error), target: null });
    if (error instanceof RpcError && error.code === 'CONFLICT') void loadGrants(client);
    return false;
  }
}

let nextToast = 1;
