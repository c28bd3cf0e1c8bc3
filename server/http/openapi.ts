import { z } from 'zod';
import { Letter } from '../../model/api.ts';
import { ROUTES } from './routes.ts';

const problem = {
  description: 'A problem: application/problem+json naming the bad parameter',
  content: { 'application/problem+json': { schema: { type: 'object' } } },
};

/** A 200 answer: JSON of the route's schema in model/api.ts, or a file of its type. */
function ok(route: { answer: z.ZodType } | { file: string }) {
  if ('file' in route)
    return { description: 'OK', content: { [route.file]: { schema: { type: 'string' } } } };
  const { $schema: _, ...schema } = z.toJSONSchema(route.answer) as Record<string, unknown>;
  return { description: 'OK', content: { 'application/json': { schema } } };
}

/** The OpenAPI 3.1 document, made from the same zod shapes the server validates with. */
function build() {
  const paths: Record<string, unknown> = {};
  for (const [path, route] of Object.entries(ROUTES)) {
    paths[path] = {
      get: {
        summary: route.summary,
        parameters: Object.entries(route.shape).map(([name, schema]) => {
          const {
            $schema: _,
            description,
            ...json
          } = z.toJSONSchema(schema as z.ZodType, {
            io: 'input',
            unrepresentable: 'any',
          }) as Record<string, unknown>;
          return {
            name,
            in: 'query',
            ...(description ? { description } : {}),
            required: !(schema as z.ZodType).safeParse(undefined).success,
            schema: json,
            ...(json.type === 'array' ? { style: 'form', explode: true } : {}),
          };
        }),
        responses: {
          200: ok(route),
          400: problem,
          503: problem,
        },
      },
    };
  }
  paths['/api/letters/{id}'] = {
    get: {
      summary:
        "One letter: its header facts, every item with its decision, and the full text. Each item's reason lists its reason families and reason_spans each family's triggering sentence as {reason, start, end}: character offsets into the item's rationale, or, for a health-plan case (no rationale), into the letter's full_text (its findings)",
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,40}$' },
        },
      ],
      responses: { 200: ok({ answer: Letter }), 404: problem },
    },
  };
  return { openapi: '3.1.0', info: { title: 'IMR Outcomes API', version: '1.0.0' }, paths };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// Both documents depend on nothing but the code: each is made once, when first asked for.
let doc: ReturnType<typeof build> | undefined;
let page: string | undefined;
export const openapi = () => (doc ??= build());
/** A plain HTML page of the same document, for people. */
export const docsPage = () => (page ??= render(openapi()));

function render(doc: ReturnType<typeof build>): string {
  const sections = Object.entries(doc.paths)
    .map(([path, p]) => {
      const op = (
        p as {
          get: {
            summary: string;
            parameters: {
              name: string;
              required: boolean;
              description?: string;
              schema: Record<string, unknown>;
            }[];
          };
        }
      ).get;
      const rows = op.parameters
        .map(
          (x) =>
            `<tr><td><code>${esc(x.name)}</code>${x.required ? ' (required)' : ''}</td><td>${esc(x.description ?? '')}</td><td><code>${esc(JSON.stringify(x.schema))}</code></td></tr>`,
        )
        .join('');
      return `<h2><code>GET ${esc(path)}</code></h2><p>${esc(op.summary)}</p><table><tr><th>parameter</th><th>meaning</th><th>schema</th></tr>${rows}</table>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>IMR Outcomes API</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:auto;padding:1rem}td,th{border-bottom:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}code{font-size:.85rem;word-break:break-word}</style>
</head><body><h1>IMR Outcomes API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are <code>application/problem+json</code>.
List parameters take repeats (<code>treatment=acupuncture&amp;treatment=infrared</code>).</p>${sections}</body></html>`;
}
