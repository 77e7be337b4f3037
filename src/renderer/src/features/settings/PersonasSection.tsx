import { useEffect } from 'react';
import { useRpc } from '../../rpc/rpc-context';
import { usePersonas } from '../../stores/personas';
import { PersonaEditor } from './PersonaEditor';
import { loadPersonas } from './personas-actions';
import { SettingsSection } from './SettingsSection';
import './personas.css';

export function PersonasSection() {
  const client = useRpc();
  const personas = usePersonas((s) => s.personas);
  const status = usePersonas((s) => s.status);

  useEffect(() => {
    if (usePersonas.getState().status === 'idle') void loadPersonas(client);
  }, [client]);

  return (
    <SettingsSection
      id="personas"
      title="Personas"
      description="Who Izzie is in each chat: what it is told, how it writes, which tools it may use and where it remembers."
    >
      {personas.length > 0 ? (
        <div className="personas">
          {personas.map((persona) => (
            <PersonaEditor key={persona.id} persona={persona} />
          ))}
        </div>
      ) : (
        <p className="settings-loading">{status === 'error' ? 'The personas could not be loaded.' : 'Loading…'}</p>
      )}
    </SettingsSection>
  );
}
