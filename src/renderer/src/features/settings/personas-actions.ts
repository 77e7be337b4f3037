import type { MethodInput, Persona, PersonaId, RpcClient } from '../../../../shared';
import { reportError } from '../../stores/banners';
import { usePersonas } from '../../stores/personas';
import { inlineError } from './models-actions';

export async function loadPersonas(client: RpcClient): Promise<void> {
  const store = usePersonas.getState();
  if (store.status !== 'ready') store.setStatus('loading');
  try {
    usePersonas.getState().setAll(await client.call('personas.list'));
  } catch (error) {
    usePersonas.getState().setStatus('error');
    reportError('settings', 'Couldn’t load the personas.', error, () => void loadPersonas(client));
  }
}

/** The saved persona, or the core's reason for refusing the change. */
export async function updatePersona(client: RpcClient, change: MethodInput<'personas.update'>): Promise<Persona | string> {
  try {
    const saved = await client.call('personas.update', change);
    usePersonas.getState().upsert(saved);
    return saved;
  } catch (error) {
    return inlineError(error);
  }
}

export async function resetPersona(client: RpcClient, id: PersonaId): Promise<Persona | string> {
  try {
    const saved = await client.call('personas.reset', { id });
    usePersonas.getState().upsert(saved);
    return saved;
  } catch (error) {
    return inlineError(error);
  }
}
