import type { z } from 'zod';
import { activityMethods } from './activity';
import { appMethods } from './app';
import { approvalMethods } from './approvals';
import { auditMethods } from './audit';
import { messageMethods, threadMethods } from './chat';
import { integrationMethods } from './integrations';
import { memoryMethods } from './memory';
import { modelMethods } from './models';
import { personaMethods } from './personas';
import { settingsMethods } from './settings';

/** The whole RPC surface: every method once, with its input schema, result schema and kind. */
export const contract = {
  ...appMethods,
  ...settingsMethods,
  ...threadMethods,
  ...messageMethods,
  ...personaMethods,
  ...modelMethods,
  ...integrationMethods,
  ...memoryMethods,
  ...activityMethods,
  ...approvalMethods,
  ...auditMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may pass (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after parsing (defaults applied). */
export type MethodParams<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export * from './activity';
export * from './app';
export * from './approvals';
export * from './audit';
export * from './chat';
export * from './classification';
export * from './engine-events';
export * from './event-data';
export * from './integrations';
export * from './memory';
export * from './models';
export * from './personas';
export * from './settings';
export * from './events';
