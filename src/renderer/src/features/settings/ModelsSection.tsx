import { Icon } from '../../components/Icon';
import { useSettings } from '../../stores/settings';
import { SettingsSection } from './SettingsSection';

const PROVIDERS = [
  { name: 'OpenRouter', does: 'Hosted models from many labs behind one API key.' },
  { name: 'Ollama', does: 'Models that run on this computer; nothing leaves it.' },
  { name: 'OpenAI-compatible endpoint', does: 'LM Studio, vLLM or any server that speaks the OpenAI API.' },
];

export function ModelsSection() {
  const configured = useSettings((s) => s.appInfo?.modelProviderConfigured ?? false);
  return (
    <SettingsSection id="models" title="Models" description="Where Izzie’s thinking happens.">
      {configured ? (
        <p className="callout callout--ok">A model provider is configured.</p>
      ) : (
        <div className="callout">
          <Icon name="key" className="callout__icon" />
          <div>
            <p className="callout__title">No model provider is configured yet.</p>
            <p className="callout__text">
              Your chat messages are saved, but Izzie can’t answer them until it can reach a model. Connecting OpenRouter, Ollama
              or another OpenAI-compatible endpoint comes here.
            </p>
          </div>
        </div>
      )}
      <ul className="provider-list" aria-label="Model providers">
        {PROVIDERS.map((provider) => (
          <li key={provider.name} className="provider-list__item">
            <div>
              <span className="provider-list__name">{provider.name}</span>
              <span className="provider-list__does">{provider.does}</span>
            </div>
            <span className="pill">{configured ? 'Available' : 'Not connected'}</span>
          </li>
        ))}
      </ul>
    </SettingsSection>
  );
}
