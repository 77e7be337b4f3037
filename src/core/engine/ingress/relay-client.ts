import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The optional webhook relay (a later, separate package): a small service with a public URL that
 * receives GitHub and Linear webhooks and hands them to Izzie over an outbound connection, so no
 * port on the laptop is opened. This is the contract the core holds it to.
 */
export interface RelayDelivery {
  readonly service: 'github' | 'linear';
  /** The sender's delivery id (`X-GitHub-Delivery`, `Linear-Delivery`): the de-duplication key. */
  readonly deliveryId: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Exactly the bytes the sender signed. */
  readonly rawBody: Buffer;
}

export interface RelayClient {
  /** Connects and hands over deliveries one at a time; a delivery is acknowledged when `deliver` resolves. */
  start(deliver: (delivery: RelayDelivery) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** The signature header each sender uses, and its prefix. */
const SIGNATURE = {
  github: { header: 'x-hub-signature-256', prefix: 'sha256=' },
  linear: { header: 'linear-signature', prefix: '' },
} as const;

/**
 * Whether the delivery carries a valid HMAC-SHA256 of its raw body under the webhook's secret,
 * compared in constant time. Anything unsigned, malformed or signed with another secret is false.
 */
export function verifyDelivery(delivery: RelayDelivery, secret: string): boolean {
  const { header, prefix } = SIGNATURE[delivery.service];
  const given = delivery.headers[header];
  if (!given?.startsWith(prefix)) return false;
  const hex = given.slice(prefix.length);
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  const expected = createHmac('sha256', secret).update(delivery.rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}
