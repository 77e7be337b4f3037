import './integrations.css';

const SERVICES = [
  { name: 'Gmail', mark: '@', does: 'Triage new mail and draft replies. Sends only with your yes.' },
  { name: 'Google Calendar', mark: '31', does: 'Spot conflicts, schedule meetings, remind you.' },
  { name: 'GitHub', mark: 'GH', does: 'Pull requests and issues that need you, classified.' },
  { name: 'Linear', mark: 'L', does: 'Issues that move, summarised. Creates issues only with your yes.' },
  { name: 'Slack', mark: '#', does: 'Mentions and direct messages. Posts only with your yes.' },
  { name: 'SMS', mark: 'Tx', does: 'Text messages through Twilio. Sends only with your yes.' },
] as const;

export function IntegrationsPage() {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Integrations</h1>
        <p className="page__subtitle">
          The services Izzie can watch and act in. Their tokens will live in your system keychain, never in a file.
        </p>
      </header>
      <ul className="integration-list" aria-label="Integrations">
        {SERVICES.map((service) => (
          <li key={service.name} className="integration-row">
            <span className="integration-row__mark" aria-hidden="true">
              {service.mark}
            </span>
            <div className="integration-row__text">
              <h2 className="integration-row__name">{service.name}</h2>
              <p className="integration-row__does">{service.does}</p>
            </div>
            <span className="pill">Not connected</span>
          </li>
        ))}
      </ul>
      <p className="page__footnote">None of these is connected yet. Connecting them is coming to this page.</p>
    </div>
  );
}
