import { useEffect } from 'react';
import { isPageId, useNavigation } from '../stores/navigation';
import { useToasts, type Toast } from '../stores/toasts';
import { Icon } from './Icon';
import './components.css';

const TOAST_LIFETIME_MS = 8_000;

/** In-app notifications from the core's `notification` event; a click opens what it is about. */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      {toasts.map((toast) => (
        <ToastCard key={toast.id} toast={toast} />
      ))}
    </section>
  );
}

function ToastCard({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  const navigate = useNavigation((s) => s.navigate);
  const selectThread = useNavigation((s) => s.selectThread);
  const targetPage = toast.target && isPageId(toast.target.page) ? toast.target.page : null;

  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), TOAST_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [dismiss, toast.id]);

  const content = (
    <>
      <Icon name="bell" className="toast__icon" />
      <span className="toast__text">
        <span className="toast__title">{toast.title}</span>
        {toast.body ? <span className="toast__body">{toast.body}</span> : null}
      </span>
    </>
  );

  return (
    <div className="toast">
      {targetPage ? (
        <button
          type="button"
          className="toast__main"
          onClick={() => {
            const id = toast.target?.id;
            if (targetPage === 'chat' && id) selectThread(id);
            else navigate(targetPage, id ? { section: id } : undefined);
            dismiss(toast.id);
          }}
        >
          {content}
        </button>
      ) : (
        <div className="toast__main">{content}</div>
      )}
      <button
        type="button"
        className="icon-button toast__close"
        aria-label="Dismiss notification"
        title="Dismiss"
        onClick={() => dismiss(toast.id)}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
