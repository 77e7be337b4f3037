import { Icon } from '../../components/Icon';
import type { DeliveryNotice as Notice } from '../../stores/messages';
import { useNavigation } from '../../stores/navigation';

/**
 * Why a message got no (complete) reply, in the core's words, with what can be done about it:
 * Open Settings when no provider is set up, Retry when asking again may help.
 */
export function DeliveryNotice({ notice, onRetry }: { notice: Notice; onRetry?: () => void }) {
  const navigate = useNavigation((s) => s.navigate);
  return (
    <div className="delivery-notice" role="alert">
      <Icon name="alert" className="delivery-notice__icon" />
      <p className="delivery-notice__text">{notice.message}</p>
      <div className="delivery-notice__actions">
        {notice.code === 'PROVIDER_NOT_CONFIGURED' ? (
          <button type="button" className="button button--small" onClick={() => navigate('settings', { section: 'models' })}>
            Open Settings
          </button>
        ) : null}
        {onRetry ? (
          <button type="button" className="button button--small" onClick={onRetry}>
            <Icon name="retry" size={14} />
            Retry
          </button>
        ) : null}
      </div>
    </div>
  );
}
