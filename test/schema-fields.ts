// The fields of a zod schema and of a value, as dotted paths (`choices.bread`): what the "one schema
// per shape" tests compare (lib/client/schemas.test.ts, lib/kitchenhub/views.test.ts).
import type * as z from 'zod/mini';

/** A schema's fields as dotted paths, through optional, nullable and default wrappers. */
export function schemaFields(schema: z.core.$ZodType, prefix = ''): string[] {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> };
  if (def.innerType) return schemaFields(def.innerType, prefix);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([name, field]) => [
    `${prefix}${name}`,
    ...schemaFields(field, `${prefix}${name}.`),
  ]);
}

/** A value's fields as dotted paths, descending into plain objects (not arrays). */
export function valueFields(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([name, v]) => [`${prefix}${name}`, ...valueFields(v, `${prefix}${name}.`)]);
}

export const sorted = (list: string[]) => [...list].sort();
