import type { RpcClient } from '../../../shared';
import { Banners } from '../components/Banners';
import { Toasts } from '../components/Toasts';
import { RpcProvider } from '../rpc/rpc-context';
import { ConnectionBanner } from './ConnectionBanner';
import { PageOutlet } from './PageOutlet';
import { Sidebar } from './Sidebar';
import { useCoreSync } from './use-core-sync';
import { useTheme } from './use-theme';
import './shell.css';

/** The whole app once a transport exists: sidebar, the current page, banners and toasts. */
export function Shell({ client }: { client: RpcClient }) {
  return (
    <RpcProvider client={client}>
      <ShellLayout client={client} />
    </RpcProvider>
  );
}

function ShellLayout({ client }: { client: RpcClient }) {
  useCoreSync(client);
  useTheme();
  return (
    <div className="shell">
      <Sidebar />
      <main className="shell__main">
        <ConnectionBanner />
        <Banners scope="global" />
        <div className="shell__page">
          <PageOutlet />
        </div>
      </main>
      <Toasts />
    </div>
  );
}
