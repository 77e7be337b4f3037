import { useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from '../../components/Icon';
import { firstFocusable, onModalKeyDown, useModalFocus } from '../../components/modal';

/**
 * A modal dialog for a form. It opens over the page (a portal, so its buttons never mix with the
 * page's in a query), moves focus to its first field, keeps Tab inside, closes on Escape, and
 * gives focus back to whatever opened it.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
}: {
  title: string;
  description?: ReactNode;
  onClose(): void;
  children: ReactNode;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useModalFocus(() => firstFocusable(ref.current?.querySelector<HTMLElement>('.form-dialog__body')) ?? ref.current);

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={ref}
        className="form-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={(event) => onModalKeyDown(event, ref.current, onClose)}
      >
        <div className="form-dialog__head">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button type="button" className="icon-button" aria-label="Close" title="Close" onClick={onClose}>
            <Icon name="close" />
          </button>
        </div>
        {description ? (
          <p id={descriptionId} className="form-dialog__description">
            {description}
          </p>
        ) : null}
        <div className="form-dialog__body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}
