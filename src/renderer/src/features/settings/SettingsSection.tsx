import { useId, type ReactNode } from 'react';

export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id?: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section id={id} tabIndex={id ? -1 : undefined} className="settings-section" aria-labelledby={headingId}>
      <div className="settings-section__head">
        <h2 id={headingId} className="settings-section__title">
          {title}
        </h2>
        {description ? <p className="settings-section__description">{description}</p> : null}
      </div>
      <div className="settings-section__body">{children}</div>
    </section>
  );
}
