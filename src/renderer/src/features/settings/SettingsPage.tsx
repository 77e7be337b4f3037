import { useEffect } from 'react';
import { Banners } from '../../components/Banners';
import { useNavigation } from '../../stores/navigation';
import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { ModelsSection } from './ModelsSection';
import { PermissionsSection } from './PermissionsSection';
import { PersonasSection } from './PersonasSection';
import { ProactiveSection } from './ProactiveSection';
import './settings.css';

const HIGHLIGHT_MS = 1_600;

export function SettingsPage() {
  const section = useNavigation((s) => s.section);
  const clearSection = useNavigation((s) => s.clearSection);

  // "Open Settings" from a chat notice lands on a section: scroll to it, move focus, flash it.
  useEffect(() => {
    if (!section) return;
    clearSection();
    const target = document.getElementById(section);
    if (!target) return;
    target.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    target.focus({ preventScroll: true });
    target.classList.add('is-highlighted');
    setTimeout(() => target.classList.remove('is-highlighted'), HIGHLIGHT_MS);
  }, [section, clearSection]);

  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1 className="page__title">Settings</h1>
        <p className="page__subtitle">
          How Izzie looks, when it works on its own, what it runs on, who it is, and what it may do as you.
        </p>
      </header>
      <Banners scope="settings" />
      <div className="settings">
        <AppearanceSection />
        <ProactiveSection />
        <ModelsSection />
        <PersonasSection />
        <PermissionsSection />
        <AboutSection />
      </div>
    </div>
  );
}
