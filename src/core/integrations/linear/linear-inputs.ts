import { z } from 'zod';

// Patterns without regex flags, so the JSON Schema the MCP listing carries says the same as zod.
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Linear team keys: a letter, then letters or digits, at most 7 in all (ENG, DES, MOB2). */
const KEY = '[A-Za-z][A-Za-z0-9]{0,6}';

export const isUuid = (value: string): boolean => new RegExp(`^${UUID}$`).test(value);

/** Keys and identifiers are upper case in Linear, UUIDs lower case; either may arrive in any case. */
const canonical = (value: string): string => (isUuid(value) ? value.toLowerCase() : value.toUpperCase());

export const IssueRef = z
  .string()
  .trim()
  .regex(new RegExp(`^(?:${KEY}-[1-9]\\d{0,8}|${UUID})$`), 'Give an issue identifier like ENG-12, or an issue ID')
  .overwrite(canonical)
  .describe('The issue: its identifier, e.g. "ENG-12", or its ID.');

export const TeamKey = z
  .string()
  .trim()
  .regex(new RegExp(`^${KEY}$`), 'Give a team key like ENG')
  .overwrite((key) => key.toUpperCase())
  .describe('The team key, e.g. "ENG" (the prefix of its issue identifiers).');

export const TeamRef = z
  .string()
  .trim()
  .regex(new RegExp(`^(?:${KEY}|${UUID})$`), 'Give a team key like ENG, or a team ID')
  .overwrite(canonical)
  .describe('The team: its key, e.g. "ENG" (the prefix of its issue identifiers), or its ID.');

export const Title = z.string().trim().min(1).max(255);

export const Description = z.string().max(100_000).describe('The description, in Markdown.');

export const Priority = z.number().int().min(0).max(4).describe('Priority: 0 = none, 1 = urgent, 2 = high, 3 = medium, 4 = low.');

export const AssigneeEmail = z
  .email('Use a plain email address, e.g. ann@example.com')
  .max(254)
  .describe('The email address of the workspace member to assign.');

export const StateName = z.string().trim().min(1).max(100);
