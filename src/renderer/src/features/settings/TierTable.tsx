import type { ModelsOverview } from '../../../../shared';
import { Icon } from '../../components/Icon';
import { useRpc } from '../../rpc/rpc-context';
import { useDraftForm } from './use-draft-form';
import { resetTier, saveTier } from './models-actions';
import { FormError } from '../../components/FormError';

type TierView = ModelsOverview['tiers'][number];
interface Draft {
  model: string;
  maxTokens: string;
  temperature: string;
  fallbackModel: string;
}

const TIER_LABELS: Record<TierView['tier'], string> = { thinking: 'Thinking', standard: 'Standard', cheap: 'Cheap' };

/** Seed: Model Selection Logic. Each tier's model and limits, saved row by row. */
export function TierTable({ tiers }: { tiers: TierView[] }) {
  return (
    <div className="tiers">
      <div className="models__subhead">
        <h3 className="models__subtitle">Tiers</h3>
      </div>
      <p className="tiers__explain">
        Izzie picks a tier per task — <strong>cheap</strong>: classification, extraction, summaries; <strong>standard</strong>:
        scheduling, notifications, drafting, chat; <strong>thinking</strong>: planning, reasoning, decisions.
      </p>
      <table className="tiers__table" aria-label="Model tiers">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Model</th>
            <th scope="col">Max tokens</th>
            <th scope="col">Temperature</th>
            <th scope="col">Fallback model</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier) => (
            <TierRow key={tier.tier} tier={tier} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TierRow({ tier }: { tier: TierView }) {
  const client = useRpc();
  const { draft, edit, busy, error, saved, run, showError } = useDraftForm(tier, toDraft);
  const label = TIER_LABELS[tier.tier];
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(tier));
  function save() {
    const maxTokens = Number(draft.maxTokens);
    const temperature = Number(draft.temperature);
    if (draft.maxTokens.trim() === '' || !Number.isInteger(maxTokens)) return showError('Max tokens must be a whole number.');
    if (draft.temperature.trim() === '' || !Number.isFinite(temperature))
      return showError('Temperature must be a number from 0 to 2.');
    const fallbackModel = draft.fallbackModel.trim() || null;
    void run(() => saveTier(client, { tier: tier.tier, model: draft.model.trim(), maxTokens, temperature, fallbackModel }));
  }

  return (
    <>
      <tr
        className="tiers__row"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
            event.preventDefault();
            if (dirty) save();
          }
        }}
      >
        <th scope="row" className="tiers__tier">
          {label}
          {saved && !dirty ? (
            <span className="tiers__saved">
              <Icon name="check" size={12} /> Saved
            </span>
          ) : null}
        </th>
        <td>
          <input
            className="input input--mono"
            aria-label={`${label} model`}
            value={draft.model}
            spellCheck={false}
            onChange={(e) => edit({ model: e.currentTarget.value })}
          />
        </td>
        <td>
          <input
            className="input tiers__number"
            aria-label={`${label} max tokens`}
            type="number"
            min={1}
            max={200_000}
            step={1}
            value={draft.maxTokens}
            onChange={(e) => edit({ maxTokens: e.currentTarget.value })}
          />
        </td>
        <td>
          <input
            className="input tiers__number"
            aria-label={`${label} temperature`}
            type="number"
            min={0}
            max={2}
            step={0.1}
            value={draft.temperature}
            onChange={(e) => edit({ temperature: e.currentTarget.value })}
          />
        </td>
        <td>
          <input
            className="input input--mono"
            aria-label={`${label} fallback model`}
            value={draft.fallbackModel}
            placeholder="None"
            spellCheck={false}
            onChange={(e) => edit({ fallbackModel: e.currentTarget.value })}
          />
        </td>
        <td className="tiers__actions">
          <button
            type="button"
            className={dirty ? 'button button--small button--primary' : 'button button--small'}
            aria-label={`Save ${tier.tier} tier`}
            disabled={!dirty || busy}
            onClick={save}
          >
            Save
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            aria-label={`Reset ${tier.tier} tier`}
            title="Back to Izzie’s default for this tier"
            disabled={busy}
            onClick={() => void run(() => resetTier(client, tier.tier))}
          >
            Reset
          </button>
        </td>
      </tr>
      {error ? (
        <tr className="tiers__error-row">
          <td colSpan={6}>
            <FormError message={`${label}: ${error}`} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function toDraft(tier: TierView): Draft {
  return {
    model: tier.model,
    maxTokens: String(tier.maxTokens),
    temperature: String(tier.temperature),
    fallbackModel: tier.fallbackModel ?? '',
  };
}
