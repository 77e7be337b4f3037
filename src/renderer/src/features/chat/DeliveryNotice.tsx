import { Icon } from '../../components/Icon';
import type { DeliveryNotice as Notice } from '../../stores/messages';
import { useNavigation } from '../../stores/navigation';

/** Why a message got no reply, in the core's words, with the way to fix it when there is one. */
export function DeliveryNotice({ notice }: { notice: Notice }) {
  const navigate = useNavigation((s) => s.navigate);
  return (
    <div className="delivery-notice" role="alert">
      <Icon name="alert" className="delivery-notice__icon" />
      <p className="delivery-notice__text">{notice.message}</p>
      {notice.code === 'PROVIDER_NOT_CONFIGURED' ? (
        <button type="button" className="button button--small" onClick={() => navigate('settings', { section: 'models' })}>
          Open Settings
        </button>
      ) : null}
    </div>
  );
}
