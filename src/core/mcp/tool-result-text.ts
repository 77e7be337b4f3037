import type { ContentBlock } from '@modelcontextprotocol/sdk/types.js';

/** What the model is told a tool returned: text joined, anything else named in brackets. */
export function toolResultText(result: { content?: readonly ContentBlock[]; structuredContent?: unknown }): string {
  const parts = (result.content ?? []).map(describeBlock);
  if (parts.length === 0 && result.structuredContent !== undefined) return JSON.stringify(result.structuredContent);
  return parts.join('\n');
}

function describeBlock(block: ContentBlock): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'image':
      return `[image: ${block.mimeType}]`;
    case 'audio':
      return `[audio: ${block.mimeType}]`;
    case 'resource':
      return 'text' in block.resource ? block.resource.text : `[resource: ${block.resource.uri}]`;
    case 'resource_link':
      return `[link: ${block.name} ${block.uri}]`;
  }
}
