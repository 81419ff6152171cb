// Our /v1 OpenAPI document as integrators check it: Redocly's `recommended-strict` rules (Redocly's own
// engine, @redocly/openapi-core, the linter behind `redocly lint`) report nothing, and every example in
// it is valid against the schema it illustrates (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses), so a
// client generated from the document does not start from a broken example.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, test } from 'vitest';
import { buildOpenApiDocument } from './document';

const doc = buildOpenApiDocument({
  origin: 'https://pbj.example',
  rateLimitPerMinute: 60,
  maxBodyBytes: 2048,
  menu: [{ type: 'jelly', option: 'grape', label: 'Grape' }],
});

/**
 * Findings we accept, each with its reason. GET /v1/openapi.json is public and static: it has no
 * client error to describe, and inventing one would mislead.
 */
const ACCEPTED = [{ ruleId: 'operation-4xx-response', pointer: '#/paths/~1v1~1openapi.json/get/responses' }];

type Found = { path: string; schema: object; example: unknown };

/** Every schema that carries `example` or `examples`, with where it is. */
function examplesIn(node: unknown, path: string, out: Found[] = []): Found[] {
  if (Array.isArray(node)) node.forEach((v, i) => examplesIn(v, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const carrier = o.schema && typeof o.schema === 'object' ? (o.schema as object) : null; // a media type or a parameter
    const isSchema =
      !carrier &&
      ('type' in o || '$ref' in o || 'anyOf' in o || 'oneOf' in o || 'allOf' in o || 'enum' in o || 'const' in o);
    const schema = carrier ?? (isSchema ? o : null);
    if (schema && 'example' in o) out.push({ path: `${path}/example`, schema, example: o.example });
    if (isSchema && Array.isArray(o.examples))
      o.examples.forEach((e, i) => out.push({ path: `${path}/examples/${i}`, schema: o, example: e }));
    if (carrier && o.examples && typeof o.examples === 'object') {
      for (const [name, ex] of Object.entries(o.examples as Record<string, { value?: unknown }>))
        if ('value' in ex) out.push({ path: `${path}/examples/${name}`, schema: carrier, example: ex.value });
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'examples' && k !== 'example') examplesIn(v, `${path}/${k}`, out);
  }
  return out;
}

describe('the /v1 OpenAPI document', () => {
  test('Redocly recommended-strict finds nothing (but the accepted findings above)', async () => {
    const config = await createConfig({ extends: ['recommended-strict'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
    const found = problems
      .map((p) => ({ ruleId: p.ruleId, pointer: p.location[0]?.pointer ?? '', message: p.message }))
      .filter((p) => !ACCEPTED.some((a) => a.ruleId === p.ruleId && a.pointer === p.pointer));
    expect(found).toEqual([]);
  });

  test('every example is valid against its own schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ ...doc, $id: 'doc' } as object, 'doc');
    const examples = examplesIn(doc.components, '#/components').concat(examplesIn(doc.paths, '#/paths'));
    expect(examples.length).toBeGreaterThan(10);
    const invalid = examples.flatMap(({ path, schema, example }) => {
      const { example: _e, examples: _es, ...bare } = schema as Record<string, unknown>;
      const validate = ajv.compile({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...rebase(bare) });
      return validate(example) ? [] : [`${path}: ${JSON.stringify(example)} — ${ajv.errorsText(validate.errors)}`];
    });
    expect(invalid).toEqual([]);
  });
});

/** `#/components/...` references point into the registered document. */
function rebase(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"doc#/')) as Record<string, unknown>;
}
