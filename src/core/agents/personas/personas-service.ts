import type { Persona, PersonaId } from '../../../shared';
import type { Clock } from '../../ports';
import type { PersonasRepo } from '../../store/personas-repo';
import { DEFAULT_PERSONAS } from './persona-defaults';

export type PersonaChange = Partial<Omit<Persona, 'id' | 'customized'>>;

export class PersonasService {
  constructor(
    private readonly repo: PersonasRepo,
    private readonly clock: Clock,
  ) {}

  list(): Persona[] {
    return (['work', 'personal'] as const).map((id) => this.get(id));
  }

  get(id: PersonaId): Persona {
    const stored = this.repo.get(id);
    return stored ? { ...stored, customized: true } : { ...DEFAULT_PERSONAS[id], customized: false };
  }

  update(id: PersonaId, change: PersonaChange): Persona {
    const { customized: _customized, ...current } = this.get(id);
    this.repo.put({ ...current, ...change, id }, this.clock.now());
    return this.get(id);
  }

  reset(id: PersonaId): Persona {
    this.repo.delete(id);
    return this.get(id);
  }
}
