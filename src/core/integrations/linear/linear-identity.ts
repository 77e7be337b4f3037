import { type LinearConnection, withLinear } from './linear-client';

export interface LinearIdentity {
  /** "Maya Chen (maya@acme.example) @ Acme Robotics" */
  readonly account: string;
  /** Personal API keys carry no scopes to list. */
  readonly scopes: string[];
}

/** Checks an API key and says whose it is and in which workspace (the `viewer` and `organization` queries). */
export async function linearIdentity(connection: LinearConnection & { signal?: AbortSignal }): Promise<LinearIdentity> {
  const [viewer, organization] = await withLinear(connection, connection.signal, (client) =>
    Promise.all([client.viewer, client.organization]),
  );
  return { account: `${viewer.name} (${viewer.email}) @ ${organization.name}`, scopes: [] };
}
