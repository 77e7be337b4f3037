import { create } from 'zustand';
import type { EventPayload } from '../../../shared';

export type Toast = EventPayload<'notification'>;

interface ToastsStore {
  toasts: Toast[];
  push(toast: Toast): void;
  dismiss(id: string): void;
}

const MAX_VISIBLE = 4;

export const useToasts = create<ToastsStore>()((set) => ({
  toasts: [],
  push: (toast) => set((s) => ({ toasts: [...s.toasts.filter((t) => t.id !== toast.id), toast].slice(-MAX_VISIBLE) })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
