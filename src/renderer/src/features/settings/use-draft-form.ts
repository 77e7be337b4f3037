import { useState } from 'react';

/**
 * A settings form's editing state: a draft of the saved value, and `run` for an action that answers
 * with the new saved value (the draft is rebuilt from it) or an error message to show.
 */
export function useDraftForm<Saved, Draft>(saved: Saved, toDraft: (value: Saved) => Draft) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);

  const edit = (change: Partial<Draft>): void => {
    setDraft((current) => ({ ...current, ...change }));
    setJustSaved(false);
  };

  async function run(action: () => Promise<Saved | string>): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (typeof result === 'string') return setError(result);
    setDraft(toDraft(result as Saved));
    setJustSaved(true);
  }

  return { draft, edit, busy, error, saved: justSaved, run, showError: setError };
}
