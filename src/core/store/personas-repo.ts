import type { Persona, PersonaId } from '../../shared';
import type { Db } from './database';

interface PersonaRow {
  id: PersonaId;
  system_prompt: string;
  communication_style: Persona['communicationStyle'];
  tool_access: string;
  memory_namespace: string;
}

export type StoredPersona = Omit<Persona, 'customized'>;

/** Only personas the user edited have a row; the service fills in defaults for the rest. */
export class PersonasRepo {
  constructor(private readonly db: Db) {}

  get(id: PersonaId): StoredPersona | null {
    const row = this.db.prepare('SELECT * FROM personas WHERE id = ?').get(id) as PersonaRow | undefined;
    if (!row) return null;
    const tools: unknown = JSON.parse(row.tool_access);
    return {
      id: row.id,
      systemPrompt: row.system_prompt,
      communicationStyle: row.communication_style,
      toolAccess: Array.isArray(tools) ? tools.filter((t): t is string => typeof t === 'string') : [],
      memoryNamespace: row.memory_namespace,
    };
  }

  put(persona: StoredPersona, at: number): void {
    this.db
      .prepare(
        `INSERT INTO personas (id, system_prompt, communication_style, tool_access, memory_namespace, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET system_prompt = excluded.system_prompt, communication_style = excluded.communication_style,
           tool_access = excluded.tool_access, memory_namespace = excluded.memory_namespace, updated_at = excluded.updated_at`,
      )
      .run(
        persona.id,
        persona.systemPrompt,
        persona.communicationStyle,
        JSON.stringify(persona.toolAccess),
        persona.memoryNamespace,
        at,
      );
  }

  delete(id: PersonaId): void {
    this.db.prepare('DELETE FROM personas WHERE id = ?').run(id);
  }
}
