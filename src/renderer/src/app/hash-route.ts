import { isPageId, useNavigation, type PageId } from '../stores/navigation';

/**
 * Mirrors the current page (and open chat) into the URL fragment — `#/chat/<thread id>`,
 * `#/settings` — so a reload comes back to the same place. replaceState keeps history clean.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Route {
  page: PageId;
  threadId: string | null;
}

export function routeToHash({ page, threadId }: Route): string {
  return page === 'chat' && threadId ? `#/chat/${threadId}` : `#/${page}`;
}

export function hashToRoute(hash: string): Route | null {
  const [page, threadId] = hash.replace(/^#\/?/, '').split('/');
  if (!page || !isPageId(page)) return null;
  return { page, threadId: page === 'chat' && threadId && UUID.test(threadId) ? threadId : null };
}

export function startHashSync(win: Window): () => void {
  const apply = () => {
    const route = hashToRoute(win.location.hash);
    if (route) useNavigation.setState(route.page === 'chat' ? route : { page: route.page });
  };
  const write = (route: Route) => {
    const next = routeToHash(route);
    if (win.location.hash !== next) win.history.replaceState(win.history.state, '', next);
  };
  apply();
  write(useNavigation.getState());
  const unsubscribe = useNavigation.subscribe(write);
  win.addEventListener('hashchange', apply);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', apply);
  };
}
