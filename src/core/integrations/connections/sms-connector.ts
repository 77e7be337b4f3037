import type { ConnectInput } from '../../../shared';
import { SMS_SERVER, smsTools } from '../sms/sms-tools';
import { twilioIdentity } from '../sms/twilio-identity';
import { requireSecret, type Connector } from './connector';

type SmsInput = Extract<ConnectInput, { id: 'sms' }>;

export const smsConnector: Connector<SmsInput> = {
  id: 'sms',
  title: 'SMS — Twilio',
  server: SMS_SERVER,
  describeTools: () => smsTools({ accountSid: 'AC', authToken: 'unused', fromNumber: '+10000000000' }),
  async connect(input) {
    const base = { accountSid: input.accountSid, authToken: input.authToken, fromNumber: input.fromNumber };
    const identity = await twilioIdentity({ ...base, ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}) });
    return {
      kind: 'connected',
      connection: {
        method: 'account_sid',
        ...identity,
        baseUrl: input.baseUrl ?? null,
        settings: { accountSid: input.accountSid, fromNumber: input.fromNumber },
        secrets: { 'auth-token': input.authToken },
      },
    };
  },
  async tools(state) {
    const authToken = await requireSecret(state, 'auth-token');
    const { accountSid = '', fromNumber = '' } = state.stored.settings;
    return smsTools({ accountSid, authToken, fromNumber, ...(state.stored.baseUrl ? { baseUrl: state.stored.baseUrl } : {}) });
  },
};
