/** The settings schemas live in the shared contract (the RPC validates with the same ones). */
export { ApiKey, ConnectionCandidate, ProviderSettings, TierSettings } from '../../shared';
