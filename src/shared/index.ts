export * from './contract';
export * from './rpc/define';
export * from './rpc/envelope';
export * from './rpc/errors';
export * from './rpc/client';
export * from './transport';
export * from './csp';
