import { create } from 'zustand';
import { RpcError } from '../../../shared';

/** Where a banner shows: each page renders its own scope, `global` shows everywhere. */
export type BannerScope = 'chat' | 'settings' | 'global';

export interface Banner {
  id: number;
  scope: BannerScope;
  title: string;
  message: string;
  retry: (() => void) | null;
}

interface BannersStore {
  banners: Banner[];
  show(banner: Omit<Banner, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useBanners = create<BannersStore>()((set) => ({
  banners: [],
  // The same problem twice (a retry that fails again) replaces the old banner instead of stacking.
  show: (banner) =>
    set((s) => ({
      banners: [...s.banners.filter((b) => !(b.scope === banner.scope && b.title === banner.title)), { ...banner, id: nextId++ }],
    })),
  dismiss: (id) => set((s) => ({ banners: s.banners.filter((b) => b.id !== id) })),
}));

/** A person-readable sentence for anything thrown; RpcError messages are written for people already. */
export function describeError(error: unknown): string {
  if (error instanceof RpcError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

export function reportError(scope: BannerScope, title: string, error: unknown, retry: (() => void) | null = null): void {
  useBanners.getState().show({ scope, title, message: describeError(error), retry });
}
