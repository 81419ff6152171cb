// The served OpenAPI document: the generator in document.ts fed with this server's menu and limits.
import { DEMO_API_KEY } from '../demo-data';
import { demoOn } from '../demo';
import { env } from '../env';
export { originOf } from '../http';
import { menuView } from '../orders/stock';
import { buildOpenApiDocument } from './document';
import type { OpenApiDocument } from './types';

export { buildOpenApiDocument, PLACEHOLDER_API_KEY } from './document';
export type * from './types';

/**
 * The document for requests reaching `origin`: the current menu's options, the configured limits, and
 * in its examples the demo key while demo data is on, else a placeholder (a real install's docs never
 * name a working key).
 */
export async function openApiDocument(origin: string): Promise<OpenApiDocument> {
  const { options } = await menuView();
  const config = env();
  return buildOpenApiDocument({
    origin,
    menu: options,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    maxBodyBytes: config.MAX_BODY_BYTES,
    ...((await demoOn()) ? { apiKey: DEMO_API_KEY } : {}),
  });
}
