import { z } from 'zod';

/** GitHub's rules: letters, digits and single hyphens, not at either end, at most 39 characters. */
export const Owner = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'Not a GitHub user or organization name')
  .describe('The user or organization that owns the repository, e.g. "octocat".');

/** Letters, digits, ".", "-" and "_", at most 100 characters, and not "." or "..". */
export const Repo = z
  .string()
  .trim()
  .regex(/^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/, 'Not a GitHub repository name')
  .describe('The repository name without the owner, e.g. "hello-world".');

export const Limit = (fallback: number, max = 100) =>
  z.number().int().min(1).max(max).default(fallback).describe(`How many to return, newest first (1–${max}).`);

export const Login = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'Not a GitHub login');

export const PullNumber = z.number().int().min(1).describe('The pull request number, e.g. 42.');
