import { create } from 'zustand';
import type { ModelsOverview, VaultStatus } from '../../../shared';
import type { LoadStatus } from './threads';

interface ModelsStore {
  /** What Settings → Models shows; the renderer only ever learns whether a key is set. */
  overview: ModelsOverview | null;
  status: LoadStatus;
  setStatus(status: LoadStatus): void;
  setOverview(overview: ModelsOverview): void;
  setTier(tier: ModelsOverview['tiers'][number]): void;
  setVault(vault: VaultStatus): void;
}

export const useModels = create<ModelsStore>()((set) => ({
  overview: null,
  status: 'idle',
  setStatus: (status) => set({ status }),
  setOverview: (overview) => set({ overview, status: 'ready' }),
  setTier: (tier) =>
    set((s) =>
      s.overview ? { overview: { ...s.overview, tiers: s.overview.tiers.map((t) => (t.tier === tier.tier ? tier : t)) } } : s,
    ),
  setVault: (vault) => set((s) => (s.overview ? { overview: { ...s.overview, vault } } : s)),
}));
