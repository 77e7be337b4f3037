import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectGoogleServer } from '../../../../test-support/emulators/google-harness';
import { META_ACTION_CLASS, META_GROUP } from '../kit/builtin-server';
import { HINTS_BY_CLASS } from '../kit/builtin-tool';
import { GOOGLE_SERVER, googleTools } from './google-tools';

const EXPECTED = {
  gmail_search: ['email', 'read'],
  gmail_read: ['email', 'read'],
  gmail_draft: ['email', 'draft'],
  gmail_send: ['email', 'send'],
  calendar_query: ['calendar', 'read'],
  calendar_create: ['calendar', 'create'],
  calendar_update: ['calendar', 'update'],
  calendar_delete: ['calendar', 'delete'],
  calendar_freebusy: ['calendar', 'read'],
} as const;

let server: Awaited<ReturnType<typeof connectGoogleServer>>;
beforeAll(async () => {
  // Listing needs no service: nothing here sends a request.
  server = await connectGoogleServer(new OAuth2Client(), 'http://127.0.0.1:9');
});
afterAll(() => server.close());

describe('the google server', () => {
  it('is named google', () => {
    expect(GOOGLE_SERVER).toEqual({ name: 'google', version: '1.0.0' });
    expect(googleTools({ auth: new OAuth2Client() }).map((t) => t.name)).toEqual(Object.keys(EXPECTED));
  });

  it('lists every tool with its group, action class and the hints of that class', async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(Object.keys(EXPECTED));
    for (const tool of tools) {
      const [group, actionClass] = EXPECTED[tool.name as keyof typeof EXPECTED];
      expect(tool._meta).toEqual({ [META_GROUP]: group, [META_ACTION_CLASS]: actionClass });
      expect(tool.annotations).toMatchObject(HINTS_BY_CLASS[actionClass]);
      expect(tool.description?.length).toBeGreaterThan(20);
    }
  });

  it('describes every input field for the model', async () => {
    const { tools } = await server.client.listTools();
    for (const tool of tools) {
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      expect(Object.keys(properties).length).toBeGreaterThan(0);
      for (const [field, schema] of Object.entries(properties)) {
        expect(schema.description, `${tool.name}.${field}`).toEqual(expect.any(String));
      }
    }
  });
});
