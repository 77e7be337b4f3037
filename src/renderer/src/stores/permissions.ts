import { create } from 'zustand';
import type { Grant, PolicySettings } from '../../../shared';
import type { LoadStatus } from './threads';

interface PermissionsStore {
  /** What the policy gate decides by (Settings → Permissions); null until read. */
  policy: PolicySettings | null;
  policyStatus: LoadStatus;
  /** Every grant, active or not, newest first. */
  grants: Grant[];
  grantsStatus: LoadStatus;
  set(change: Partial<Pick<PermissionsStore, 'policy' | 'policyStatus' | 'grants' | 'grantsStatus'>>): void;
  /** A grant was created, used, revoked or ran out (an answer or a `grants.changed` push). */
  upsertGrant(grant: Grant): void;
}

export const usePermissions = create<PermissionsStore>()((set) => ({
  policy: null,
  policyStatus: 'idle',
  grants: [],
  grantsStatus: 'idle',
  set: (change) => set(change),
  upsertGrant: (grant) =>
    set((s) => ({
      grants: s.grants.some((g) => g.id === grant.id)
        ? s.grants.map((g) => (g.id === grant.id ? grant : g))
        : [grant, ...s.grants],
    })),
}));
