import { useEffect } from 'react';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useModels } from '../../stores/models';
import { loadModels } from './models-actions';
import { ProviderForm } from './ProviderForm';
import { SettingsSection } from './SettingsSection';
import { TierTable } from './TierTable';
import { VaultNotice } from './VaultNotice';
import './models.css';

export function ModelsSection() {
  const client = useRpc();
  const overview = useModels((s) => s.overview);
  const status = useModels((s) => s.status);

  useEffect(() => {
    if (useModels.getState().status === 'idle') void loadModels(client);
  }, [client]);

  return (
    <SettingsSection id="models" title="Models" description="Where Izzie’s thinking happens, and which model does what.">
      {overview ? (
        <div className="models">
          <VaultNotice vault={overview.vault} />
          {overview.provider ? null : (
            <div className="callout">
              <Icon name="key" className="callout__icon" />
              <div>
                <p className="callout__title">No model provider is configured yet.</p>
                <p className="callout__text">
                  Your chat messages are saved, but Izzie can’t answer them until it can reach a model. Connect OpenRouter, Ollama
                  or another OpenAI-compatible endpoint below.
                </p>
              </div>
            </div>
          )}
          <ProviderForm overview={overview} />
          <TierTable tiers={overview.tiers} />
        </div>
      ) : (
        <p className="settings-loading">{status === 'error' ? 'The model settings could not be loaded.' : 'Loading…'}</p>
      )}
    </SettingsSection>
  );
}
