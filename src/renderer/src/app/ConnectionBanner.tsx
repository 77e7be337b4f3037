import { Icon } from '../components/Icon';
import { useConnection } from '../stores/connection';

/** Shown only when the socket keeps failing: says what probably happened and what to do. */
export function ConnectionBanner() {
  const state = useConnection((s) => s.state);
  const everConnected = useConnection((s) => s.everConnected);
  const retry = useConnection((s) => s.retry);
  if (state !== 'failed') return null;
  return (
    <div className="connection-banner" role="alert">
      <Icon name="alert" className="connection-banner__icon" />
      <p>
        <strong>Can’t reach Izzie.</strong>{' '}
        {everConnected ? (
          <>
            The host seems to have stopped. Start it again with <code>izzie serve</code> and open the new link it prints in the
            terminal.
          </>
        ) : (
          <>
            The access token may be wrong or the host has stopped. Re-open the link printed in the terminal by{' '}
            <code>izzie serve</code>.
          </>
        )}{' '}
        Izzie keeps trying in the background.
      </p>
      {retry ? (
        <button type="button" className="button button--small" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
