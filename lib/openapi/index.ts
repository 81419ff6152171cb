// The served OpenAPI document: the generator in document.ts fed with this server's menu and limits.
import { env } from '../env';
export { originOf } from '../http';
import { menuView } from '../orders/stock';
import { buildOpenApiDocument } from './document';
import type { OpenApiDocument } from './types';

export { buildOpenApiDocument, EXAMPLE_API_KEY } from './document';
export type * from './types';


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
