// Reads the OpenAPI document for people: a schema's type and limits in words, and an object's fields
// as rows (nested objects flattened as `choices.bread`). Used by the /docs page.
import type { JsonSchema, OpenApiDocument, ParameterObject, Ref } from './types';

export type FieldRow = { name: string; type: string; required: boolean; limits: string[]; description: string };

const refName = (ref: string) => ref.split('/').at(-1) ?? ref;

export function resolveSchema(doc: OpenApiDocument, s: JsonSchema): JsonSchema {
  return s.$ref ? (doc.components.schemas[refName(s.$ref)] ?? s) : s;
}

export function resolveParameter(doc: OpenApiDocument, p: ParameterObject | Ref): ParameterObject | undefined {
  return '$ref' in p ? doc.components.parameters[refName(p.$ref)] : p;
}

/** "string", "integer | null", "array of string", "\"queued\" | \"prepping\"", or a component's name. */
export function typeOf(s: JsonSchema): string {
  if (s.$ref) return refName(s.$ref);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return (
    types
      .map((t) =>
        t === 'array'
          ? `array of ${s.items ? typeOf(s.items) : 'any'}`
          : t === 'string' && s.format
            ? `string (${s.format})`
            : t,
      )
      .join(' | ') || 'any'
  );
}

/** The limits a value must keep, in words: "1–40 characters", "at most 10", "no repeats", "default 20". */
export function limitsOf(s: JsonSchema): string[] {
  const inner = s.anyOf?.find((x) => x.type !== 'null') ?? s;
  const out: string[] = [];
  const range = (lo: number | undefined, hi: number | undefined, unit: string) => {
    if (lo !== undefined && hi !== undefined) out.push(`${lo}–${hi}${unit}`);
    else if (hi !== undefined) out.push(`at most ${hi}${unit}`);
    else if (lo !== undefined && lo > 0) out.push(`at least ${lo}${unit}`);
  };
  range(inner.minLength, inner.maxLength, ' characters');
  range(inner.minimum, inner.maximum, '');
  range(inner.minItems, inner.maxItems, ' items');
  if (inner.uniqueItems) out.push('no repeats');
  if (inner.pattern) out.push(`pattern ${inner.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** An object schema's fields as rows, nested objects flattened with dotted names. */
export function fieldsOf(doc: OpenApiDocument, schema: JsonSchema, prefix = ''): FieldRow[] {
  const s = resolveSchema(doc, schema);
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).flatMap(([name, prop]) => {
    const row: FieldRow = {
      name: `${prefix}${name}`,
      type: typeOf(prop),
      required: required.has(name),
      limits: limitsOf(prop),
      description: prop.description ?? '',
    };
    const nested = resolveSchema(doc, prop);
    return nested.type === 'object' && nested.properties && !prop.$ref
      ? [{ ...row, type: 'object' }, ...fieldsOf(doc, nested, `${prefix}${name}.`)]
      : [row];
  });
}
