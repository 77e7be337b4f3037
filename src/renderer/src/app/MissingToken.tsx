import { Logo } from '../components/Icon';
import './shell.css';

/** The headless host was opened without its launch link; no RPC is attempted without a token. */
export function MissingToken() {
  return (
    <main className="gate">
      <div className="gate__card">
        <Logo size={40} />
        <h1 className="gate__title">Izzie needs its launch link</h1>
        <p className="gate__text">
          Open Izzie with the link printed by <code>izzie serve</code> — it carries this launch’s access token.
        </p>
        <p className="gate__hint">
          The link looks like <code>http://127.0.0.1:PORT/#token=…</code>. The token stays in this tab only.
        </p>
      </div>
    </main>
  );
}
