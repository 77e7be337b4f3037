import { useEffect } from 'react';
import { useSettings } from '../stores/settings';

/**
 * `data-theme` on <html> picks the palette: `system` follows prefers-color-scheme, `light` and
 * `dark` pin it (see styles/tokens.css).
 */
export function useTheme(): void {
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
