import { handleApi, jsonWithEtag, notAllowedApi, preflight } from '@/lib/http';
import { openApiDocument, originOf } from '@/lib/openapi';

/** The OpenAPI 3.1 document of /v1: public (no key), generated from the schemas the API validates with. */
export const GET = handleApi(async (req) => jsonWithEtag(req, await openApiDocument(originOf(req))));

export const OPTIONS = preflight('GET');

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowedApi('GET');
