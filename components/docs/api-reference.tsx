// The /docs page: renders the OpenAPI document (the one /v1/openapi.json serves) for people, with curl
// examples and sample answers. A server component: no JavaScript beyond the copy buttons.
import Link from 'next/link';
import { Fragment } from 'react';
import { cn } from '@/components/ui/cn';
import { fieldsOf, limitsOf, resolveParameter, typeOf, type FieldRow } from '@/lib/openapi/describe';
import {
  HTTP_METHODS,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
} from '@/lib/openapi/types';
import { CopyButton } from './copy-button';

const METHOD_STYLE: Record<HttpMethod, string> = {
  get: 'bg-sky-500/20 text-sky-200 ring-sky-500/40',
  post: 'bg-emerald-500/20 text-emerald-200 ring-emerald-500/40',
  put: 'bg-amber-500/20 text-amber-200 ring-amber-500/40',
  delete: 'bg-red-500/20 text-red-200 ring-red-500/40',
  patch: 'bg-violet-500/20 text-violet-200 ring-violet-500/40',
  options: 'bg-zinc-700 text-zinc-200 ring-zinc-600',
  head: 'bg-zinc-700 text-zinc-200 ring-zinc-600',
  trace: 'bg-zinc-700 text-zinc-200 ring-zinc-600',
};

/** Text with `code` spans, the only markdown the document's descriptions use. */
function Inline({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/g).map((part, i) =>
        part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
          <code key={i} className="rounded bg-zinc-800 px-1 py-0.5 font-mono text-[0.9em] text-zinc-100 break-words">
            {part.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className={cn('mt-3 leading-relaxed text-zinc-300', className)}>
          <Inline text={p} />
        </p>
      ))}
    </>
  );
}

/** A code block; shell commands wrap on phones (the copy button copies them whole). */
function Code({ code, language, copy = true }: { code: string; language: string; copy?: boolean }) {
  return (
    <div className="relative mt-2 overflow-hidden rounded-xl border border-zinc-800 bg-black/60">
      <div className="flex min-h-10 items-center justify-between border-b border-zinc-800 pl-4">
        <span className="text-xs font-semibold tracking-wider text-zinc-400 uppercase">{language}</span>
        {copy && <CopyButton text={code} />}
      </div>
      <pre
        className={cn(
          'overflow-x-auto p-4 text-sm leading-relaxed text-zinc-100',
          copy && 'max-sm:break-all max-sm:whitespace-pre-wrap',
        )}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

function Fields({ rows, testId }: { rows: FieldRow[]; testId?: string }) {
  return (
    <dl data-testid={testId} className="mt-2 divide-y divide-zinc-800 rounded-xl border border-zinc-800">
      {rows.map((r) => (
        <div key={r.name} className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(10rem,14rem)_1fr] sm:gap-4">
          <dt>
            <code className="font-mono font-semibold break-all text-zinc-100">{r.name}</code>
            {r.required && <span className="ml-2 text-xs font-bold text-amber-300 uppercase">required</span>}
            <span className="block font-mono text-xs break-words text-zinc-400">{r.type}</span>
          </dt>
          <dd className="text-zinc-300">
            <Inline text={r.description} />
            {r.limits.length > 0 && <span className="mt-1 block text-sm text-zinc-400">{r.limits.join(' · ')}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const paramRow = (p: ParameterObject): FieldRow => ({
  name: p.name,
  type: `${typeOf(p.schema)} · ${p.in}`,
  required: p.required ?? false,
  limits: limitsOf(p.schema),
  description: p.description,
});

export const anchorOf = (op: OperationObject) => `op-${op.operationId}`;

function Operation({
  doc,
  method,
  path,
  op,
}: {
  doc: OpenApiDocument;
  method: HttpMethod;
  path: string;
  op: OperationObject;
}) {
  const params = (op.parameters ?? []).flatMap((p) => {
    const resolved = resolveParameter(doc, p);
    return resolved ? [paramRow(resolved)] : [];
  });
  const body = op.requestBody?.content['application/json'];
  const [okStatus, ok] = Object.entries(op.responses).find(([s]) => s.startsWith('2')) ?? [];
  const okExample = ok?.content?.['application/json']?.example;
  const errors = new Set(op['x-errors'] ?? []);
  const errorRows = doc['x-error-codes'].filter((e) => errors.has(e.code));
  return (
    <section
      id={anchorOf(op)}
      aria-labelledby={`${anchorOf(op)}-title`}
      data-testid={anchorOf(op)}
      className="scroll-mt-20 border-t border-zinc-800 pt-8"
    >
      <h3 id={`${anchorOf(op)}-title`} className="text-2xl font-bold">
        {op.summary}
      </h3>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <span
          className={cn('rounded-md px-2 py-0.5 font-mono text-sm font-black uppercase ring-1', METHOD_STYLE[method])}
        >
          {method}
        </span>
        <code className="font-mono text-lg break-all text-zinc-100">{path}</code>
        {op.security?.length === 0 && (
          <span className="rounded-md bg-zinc-800 px-2 py-0.5 text-xs font-semibold text-zinc-300">no key needed</span>
        )}
      </p>
      <Paragraphs text={op.description} />

      {params.length > 0 && (
        <>
          <h4 className="mt-6 font-semibold text-zinc-200">Parameters</h4>
          <Fields rows={params} />
        </>
      )}
      {body && (
        <>
          <h4 className="mt-6 font-semibold text-zinc-200">
            Body <span className="font-normal text-zinc-400">(JSON)</span>
          </h4>
          {body.schema.$ref && (
            <Paragraphs
              text={doc.components.schemas[body.schema.$ref.split('/').at(-1) ?? '']?.description ?? ''}
              className="mt-1"
            />
          )}
          <Fields rows={fieldsOf(doc, body.schema)} testId={`${anchorOf(op)}-body`} />
        </>
      )}

      {(op['x-codeSamples'] ?? []).map((sample) => (
        <div key={sample.label} className="mt-6">
          <h4 className="font-semibold text-zinc-200">Example</h4>
          <Code code={sample.source} language={sample.label} />
        </div>
      ))}
      {okStatus && ok && (
        <div className="mt-6">
          <h4 className="font-semibold text-zinc-200">
            <span className="mr-2 rounded bg-emerald-500/20 px-1.5 font-mono text-emerald-200">{okStatus}</span>
            <Inline text={ok.description} />
          </h4>
          {okExample !== undefined && <Code code={JSON.stringify(okExample, null, 2)} language="json" copy={false} />}
          {ok.headers && Object.keys(ok.headers).length > 0 && (
            <p className="mt-2 text-sm text-zinc-400">
              Headers:{' '}
              {Object.keys(ok.headers).map((h, i) => (
                <Fragment key={h}>
                  {i > 0 && ', '}
                  <code className="font-mono text-zinc-300">{h}</code>
                </Fragment>
              ))}
            </p>
          )}
        </div>
      )}
      {errorRows.length > 0 && (
        <div className="mt-6">
          <h4 className="font-semibold text-zinc-200">Errors</h4>
          <ul className="mt-2 flex flex-wrap gap-2">
            {errorRows.map((e) => (
              <li key={e.code}>
                <a
                  href={`#error-${e.code}`}
                  className="inline-flex min-h-10 items-center gap-2 rounded-lg bg-zinc-900 px-3 font-mono text-sm ring-1 ring-zinc-800 hover:ring-zinc-600"
                >
                  <span className="text-zinc-400">{e.status}</span> {e.code}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The operations in the order the document lists them (create before list: the order people need them). */
export function operationsOf(doc: OpenApiDocument): Array<{ method: HttpMethod; path: string; op: OperationObject }> {
  const isMethod = (k: string): k is HttpMethod => (HTTP_METHODS as readonly string[]).includes(k);
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).flatMap((method) => {
      const op = isMethod(method) ? item[method] : undefined;
      return op && isMethod(method) ? [{ method, path, op }] : [];
    }),
  );
}

export function ApiReference({ doc }: { doc: OpenApiDocument }) {
  const ops = operationsOf(doc);
  const byTag = doc.tags.map((t) => ({ tag: t, ops: ops.filter((o) => o.op.tags.includes(t.name)) }));
  const summaries = new Map(ops.map((o) => [o.op.operationId, o.op.summary]));
  const key = doc.components.securitySchemes.ApiKey;
  const server = doc.servers[0]?.url ?? '';
  const toc = [
    { href: '#start', label: 'Getting started' },
    ...byTag.flatMap((g) => g.ops.map((o) => ({ href: `#${anchorOf(o.op)}`, label: o.op.summary, method: o.method }))),
    { href: '#order', label: 'The order object' },
    { href: '#errors', label: 'Errors' },
    { href: '#headers', label: 'Headers' },
  ];
  return (
    <div className="mx-auto flex max-w-6xl gap-10 px-4 py-8 sm:px-6 lg:py-12">
      <nav aria-label="On this page" className="sticky top-8 hidden h-fit w-56 shrink-0 lg:block">
        <p className="text-xs font-semibold tracking-widest text-zinc-400 uppercase">On this page</p>
        <ul className="mt-3 flex flex-col gap-0.5">
          {toc.map((t) => (
            <li key={t.href}>
              <a
                href={t.href}
                className="flex min-h-10 items-center gap-2 rounded-lg px-2 text-zinc-300 hover:bg-zinc-900 hover:text-white"
              >
                {'method' in t && t.method && (
                  <span
                    className={cn(
                      'w-12 shrink-0 rounded px-1 text-center font-mono text-[0.65rem] font-black uppercase ring-1',
                      METHOD_STYLE[t.method],
                    )}
                  >
                    {t.method}
                  </span>
                )}
                <span className="truncate">{t.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <main className="min-w-0 flex-1">
        <header>
          <p className="text-sm font-semibold tracking-widest text-violet-400 uppercase">
            API reference · v{doc.info.version}
          </p>
          <h1 className="mt-2 text-3xl font-black tracking-tight sm:text-4xl">{doc.info.title}</h1>
          <Paragraphs text={doc.info.description} className="sm:text-lg" />
          <p className="mt-4 flex flex-wrap gap-3">
            <a
              href="/v1/openapi.json"
              className="inline-flex min-h-12 items-center rounded-xl bg-violet-600 px-5 font-bold hover:bg-violet-500"
            >
              OpenAPI 3.1 JSON
            </a>
            <Link
              href="/"
              className="inline-flex min-h-12 items-center rounded-xl bg-zinc-800 px-5 font-semibold hover:bg-zinc-700"
            >
              ← Home
            </Link>
          </p>
        </header>

        <details className="mt-8 rounded-xl border border-zinc-800 lg:hidden">
          <summary className="flex min-h-12 cursor-pointer items-center px-4 font-semibold">On this page</summary>
          <ul className="border-t border-zinc-800 px-2 py-2">
            {toc.map((t) => (
              <li key={t.href}>
                <a href={t.href} className="flex min-h-11 items-center rounded-lg px-2 text-zinc-300">
                  {t.label}
                </a>
              </li>
            ))}
          </ul>
        </details>

        <section id="start" aria-labelledby="start-title" className="mt-10 scroll-mt-20">
          <h2 id="start-title" className="text-3xl font-black">
            Getting started
          </h2>
          <p className="mt-3 text-zinc-300">
            Base URL: <code className="rounded bg-zinc-800 px-1.5 py-0.5 font-mono break-all">{server}</code>
          </p>
          {key && (
            <p className="mt-3 leading-relaxed text-zinc-300">
              Send your key in the <code className="rounded bg-zinc-800 px-1 font-mono">{key.name}</code> header on
              every request. <Inline text={key.description} />
            </p>
          )}
        </section>

        {byTag.map(({ tag, ops: list }) => (
          <section key={tag.name} aria-label={tag.name} className="mt-12">
            <h2 className="text-3xl font-black">{tag.name}</h2>
            <Paragraphs text={tag.description} />
            <div className="mt-6 flex flex-col gap-10">
              {list.map((o) => (
                <Operation key={`${o.method} ${o.path}`} doc={doc} {...o} />
              ))}
            </div>
          </section>
        ))}

        <section id="order" aria-labelledby="order-title" className="mt-14 scroll-mt-20">
          <h2 id="order-title" className="text-3xl font-black">
            The order object
          </h2>
          <Paragraphs text={doc.components.schemas.Order?.description ?? ''} />
          {doc.components.schemas.Order && (
            <Fields rows={fieldsOf(doc, doc.components.schemas.Order)} testId="order-fields" />
          )}
        </section>

        <section id="errors" aria-labelledby="errors-title" className="mt-14 scroll-mt-20">
          <h2 id="errors-title" className="text-3xl font-black">
            Errors
          </h2>
          <p className="mt-3 text-zinc-300">
            Every error has the same shape,{' '}
            <code className="rounded bg-zinc-800 px-1 font-mono">{'{"error": code, "message": sentence, …}'}</code>.
            Branch on <code className="rounded bg-zinc-800 px-1 font-mono">error</code>; show{' '}
            <code className="rounded bg-zinc-800 px-1 font-mono">message</code> to people.
          </p>
          <ul data-testid="error-table" className="mt-4 divide-y divide-zinc-800 rounded-xl border border-zinc-800">
            {doc['x-error-codes'].map((e) => (
              <li
                key={e.code}
                id={`error-${e.code}`}
                data-code={e.code}
                data-status={e.status}
                className="grid scroll-mt-20 gap-1 px-4 py-3 sm:grid-cols-[4rem_14rem_1fr] sm:gap-4"
              >
                <span className="font-mono text-lg font-black text-zinc-400">{e.status}</span>
                <code className="font-mono font-semibold break-all text-zinc-100">{e.code}</code>
                <span className="text-zinc-300">
                  <Inline text={e.description} />
                  <span className="mt-1 block text-sm text-zinc-400">
                    {e.operations.length > 0
                      ? `From: ${e.operations.map((id) => summaries.get(id) ?? id).join(', ')}.`
                      : 'Not sent by the /v1 API.'}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-zinc-400">
            Anything else is a 500 with <code className="rounded bg-zinc-800 px-1 font-mono">internal_error</code>: our
            fault, safe to retry later.
          </p>
        </section>

        <section id="headers" aria-labelledby="headers-title" className="mt-14 mb-16 scroll-mt-20">
          <h2 id="headers-title" className="text-3xl font-black">
            Headers
          </h2>
          <Fields
            rows={[
              ...Object.values(doc.components.parameters)
                .filter((p) => p.in === 'header')
                .map((p) => ({ ...paramRow(p), type: 'request header' })),
              ...Object.entries(doc.components.headers).map(([name, h]) => ({
                name,
                type: `response header · ${typeOf(h.schema)}`,
                required: false,
                limits: [],
                description: h.description,
              })),
            ]}
          />
        </section>
      </main>
    </div>
  );
}
