import { useBanners, type BannerScope } from '../stores/banners';
import { Icon } from './Icon';
import './components.css';

/** Errors a person can act on: what failed, the core's sentence about it, Retry where it makes sense. */
export function Banners({ scope }: { scope: BannerScope }) {
  const banners = useBanners((s) => s.banners);
  const dismiss = useBanners((s) => s.dismiss);
  const visible = banners.filter((b) => b.scope === scope);
  if (visible.length === 0) return null;
  return (
    <div className="banners">
      {visible.map((banner) => (
        <div key={banner.id} className="banner" role="alert">
          <Icon name="alert" className="banner__icon" />
          <div className="banner__text">
            <strong>{banner.title}</strong> <span>{banner.message}</span>
          </div>
          {banner.retry ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                dismiss(banner.id);
                banner.retry?.();
              }}
            >
              Retry
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(banner.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
