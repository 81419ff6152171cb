// The served OpenAPI document: the generator in document.ts fed with this server's menu and limits.
import { env } from '../env';
import { menuView } from '../orders/stock';
import { buildOpenApiDocument } from './document';
import type { OpenApiDocument } from './types';

export { buildOpenApiDocument, EXAMPLE_API_KEY } from './document';
export type * from './types';

/**
 * The origin the client reached us at, for servers[] and the examples: the Host header (Next's
 * req.url names its own listening address instead), or a trusted proxy's X-Forwarded-Host/-Proto.
 */
export function originOf(headers: Headers, fallback: string): string {
  const trusted = env().TRUST_PROXY;
  const host = (trusted && headers.get('x-forwarded-host')) || headers.get('host');
  const proto = (trusted && headers.get('x-forwarded-proto')) || new URL(fallback).protocol.replace(':', '');
  return host ? `${proto}://${host}` : new URL(fallback).origin;
}

/** The document for requests reaching `origin`: the current menu's options and the configured limits. */
export async function openApiDocument(origin: string): Promise<OpenApiDocument> {
  const { options } = await menuView();
  const config = env();
  return buildOpenApiDocument({
    origin,
    menu: options,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    maxBodyBytes: config.MAX_BODY_BYTES,
  });
}
