import { create } from 'zustand';
import type { Persona } from '../../../shared';
import type { LoadStatus } from './threads';

interface PersonasStore {
  personas: Persona[];
  status: LoadStatus;
  setStatus(status: LoadStatus): void;
  setAll(personas: Persona[]): void;
  upsert(persona: Persona): void;
}

export const usePersonas = create<PersonasStore>()((set) => ({
  personas: [],
  status: 'idle',
  setStatus: (status) => set({ status }),
  setAll: (personas) => set({ personas, status: 'ready' }),
  upsert: (persona) => set((s) => ({ personas: s.personas.map((p) => (p.id === persona.id ? persona : p)) })),
}));
