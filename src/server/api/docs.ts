/**
 * /docs: a readable, self-contained HTML page rendered on the server from the OpenAPI document
 * (no scripts, no CDN, works offline). Schemas are shown as field tables with a JSON view beside them.
 */

type Json = Record<string, unknown>;

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Inline markdown of the descriptions: `code` and **bold**, paragraphs on blank lines. */
function md(text: unknown): string {
  return String(text ?? '')
    .split(/\n{2,}/)
    .map(
      (p) =>
        `<p>${esc(p)
          .replace(/`([^`]+)`/g, '<code>$1</code>')
          .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>`,
    )
    .join('');
}

function refName(s: Json): string | undefined {
  const r = s['$ref'];
  return typeof r === 'string' ? r.split('/').pop() : undefined;
}

function typeOf(s: Json): string {
  const name = refName(s);
  if (name) return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  if (Array.isArray(s['anyOf'])) return (s['anyOf'] as Json[]).map(typeOf).join(' | ');
  if (Array.isArray(s['oneOf'])) return (s['oneOf'] as Json[]).map(typeOf).join(' | ');
  if ('const' in s) return `<code>${esc(JSON.stringify(s['const']))}</code>`;
  if (Array.isArray(s['enum']))
    return (s['enum'] as unknown[]).map((e) => `<code>${esc(JSON.stringify(e))}</code>`).join(' | ');
  if (s['type'] === 'array') return `${typeOf((s['items'] as Json) ?? {})}[]`;
  if (Array.isArray(s['type'])) return (s['type'] as string[]).map(esc).join(' | ');
  if (typeof s['type'] === 'string') {
    const bits: string[] = [];
    if (s['format']) bits.push(String(s['format']));
    if (s['minimum'] !== undefined) bits.push(`≥ ${s['minimum']}`);
    if (s['maximum'] !== undefined) bits.push(`≤ ${s['maximum']}`);
    if (s['maxLength'] !== undefined) bits.push(`≤ ${s['maxLength']} tegn`);
    return `${esc(s['type'])}${bits.length ? ` <small>(${esc(bits.join(', '))})</small>` : ''}`;
  }
  return 'any';
}

function fieldTable(schema: Json): string {
  const props = schema['properties'] as Record<string, Json> | undefined;
  if (!props) return `<p class="type">Type: ${typeOf(schema)}</p>`;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(
    ([name, p]) =>
      `<tr><td><code>${esc(name)}</code>${required.has(name) ? ' <span class="req">påkrævet</span>' : ''}</td><td>${typeOf(p)}${
        p['default'] !== undefined ? ` <small>standard ${esc(JSON.stringify(p['default']))}</small>` : ''
      }</td><td>${esc(p['description'] ?? '')}</td></tr>`,
  );
  return `<table><thead><tr><th>Felt</th><th>Type</th><th>Beskrivelse</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function schemaBlock(schema: Json): string {
  const name = refName(schema);
  return name
    ? `<p>Skema: <a href="#schema-${esc(name)}">${esc(name)}</a></p>`
    : `${fieldTable(schema)}<details><summary>JSON Schema</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`;
}

const METHOD_CLASS: Record<string, string> = { get: 'get', post: 'post' };

export function renderDocsHtml(doc: Json): string {
  const info = doc['info'] as Json;
  const paths = doc['paths'] as Record<string, Record<string, Json>>;
  const schemas = ((doc['components'] as Json)['schemas'] ?? {}) as Record<string, Json>;
  const tags = (doc['tags'] as Array<{ name: string; description: string }>) ?? [];

  const ops: Array<{ method: string; path: string; op: Json }> = [];
  for (const [path, methods] of Object.entries(paths))
    for (const [method, op] of Object.entries(methods)) ops.push({ method, path, op });

  const nav = tags
    .map(
      (t) =>
        `<li><strong>${esc(t.name)}</strong><ul>${ops
          .filter((o) => (o.op['tags'] as string[])[0] === t.name)
          .map(
            (o) =>
              `<li><a href="#op-${esc(o.op['operationId'])}"><span class="m ${METHOD_CLASS[o.method] ?? ''}">${esc(o.method.toUpperCase())}</span> ${esc(o.path)}</a></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');

  const sections = tags
    .map((t) => {
      const body = ops
        .filter((o) => (o.op['tags'] as string[])[0] === t.name)
        .map(({ method, path, op }) => {
          const params = (op['parameters'] as Json[] | undefined) ?? [];
          const paramHtml = params.length
            ? `<h4>Parametre</h4><table><thead><tr><th>Navn</th><th>I</th><th>Type</th><th>Beskrivelse</th><th>Eksempel</th></tr></thead><tbody>${params
                .map(
                  (p) =>
                    `<tr><td><code>${esc(p['name'])}</code>${p['required'] ? ' <span class="req">påkrævet</span>' : ''}</td><td>${esc(p['in'])}</td><td>${typeOf(p['schema'] as Json)}</td><td>${esc(p['description'])}</td><td><code>${esc(JSON.stringify(p['example']))}</code></td></tr>`,
                )
                .join('')}</tbody></table>`
            : '';
          const rb = op['requestBody'] as Json | undefined;
          const rbJson = rb ? ((rb['content'] as Json)['application/json'] as Json) : undefined;
          const bodyHtml = rbJson
            ? `<h4>Forespørgsel (JSON)</h4>${schemaBlock(rbJson['schema'] as Json)}<p>Eksempel:</p><pre>${esc(JSON.stringify(rbJson['example'], null, 2))}</pre>`
            : '';
          const responses = Object.entries(op['responses'] as Record<string, Json>)
            .map(([status, r]) => {
              const content = (r['content'] ?? {}) as Record<string, Json>;
              const types = Object.keys(content)
                .map((c) => `<code>${esc(c)}</code>`)
                .join(', ');
              const schema = content['application/json']?.['schema'] as Json | undefined;
              const name = schema ? refName(schema) : undefined;
              return `<tr><td><strong>${esc(status)}</strong></td><td>${md(r['description'])}</td><td>${types}</td><td>${
                name ? `<a href="#schema-${esc(name)}">${esc(name)}</a>` : ''
              }</td></tr>`;
            })
            .join('');
          const security = Array.isArray(op['security']) && (op['security'] as unknown[]).length === 0;
          return `<article class="op" id="op-${esc(op['operationId'])}">
<h3><span class="m ${METHOD_CLASS[method] ?? ''}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p class="summary">${esc(op['summary'])}${security ? ' <span class="req">ingen nøgle</span>' : ''}</p>
${md(op['description'])}${paramHtml}${bodyHtml}
<h4>Svar</h4><table><thead><tr><th>Status</th><th>Betydning</th><th>Indhold</th><th>Skema</th></tr></thead><tbody>${responses}</tbody></table>
</article>`;
        })
        .join('');
      return `<section><h2>${esc(t.name)}</h2><p>${esc(t.description)}</p>${body}</section>`;
    })
    .join('');

  const schemaHtml = Object.entries(schemas)
    .map(
      ([name, s]) =>
        `<article class="schema" id="schema-${esc(name)}"><h3>${esc(name)}</h3>${s['description'] ? `<p>${esc(s['description'])}</p>` : ''}${fieldTable(
          s,
        )}<details><summary>JSON Schema</summary><pre>${esc(JSON.stringify(s, null, 2))}</pre></details></article>`,
    )
    .join('');

  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${esc(info['title'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  :root { --fg: #1a1a1a; --muted: #555; --line: #d8d8d8; --get: #0b6b3a; --post: #1f4fa3; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); display: grid; grid-template-columns: 19rem 1fr; }
  nav { position: sticky; top: 0; height: 100vh; overflow: auto; padding: 1rem; border-right: 1px solid var(--line); background: #fafafa; font-size: 14px; }
  nav ul { list-style: none; padding-left: .4rem; margin: .2rem 0 .8rem; } nav a { color: inherit; text-decoration: none; } nav a:hover { text-decoration: underline; }
  main { padding: 1.5rem 2rem 4rem; max-width: 62rem; }
  h1 { margin-top: 0; } h2 { border-bottom: 2px solid var(--fg); padding-bottom: .2rem; margin-top: 2.5rem; }
  .op, .schema { border: 1px solid var(--line); border-radius: 8px; padding: .2rem 1rem 1rem; margin: 1rem 0; }
  .m { display: inline-block; min-width: 3.2rem; text-align: center; font-size: 12px; font-weight: 700; color: #fff; border-radius: 4px; padding: 1px 6px; background: #666; }
  .m.get { background: var(--get); } .m.post { background: var(--post); }
  .summary { font-weight: 600; } .req { font-size: 11px; color: #8a3b00; border: 1px solid #e0b89a; border-radius: 3px; padding: 0 4px; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; } th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .3rem .4rem; }
  td p { margin: 0; } pre { background: #f4f4f4; padding: .6rem; overflow: auto; font-size: 13px; border-radius: 4px; } code { font-size: 13px; }
  small { color: var(--muted); }
  @media (max-width: 800px) { body { display: block; } nav { position: static; height: auto; } }
  @media print { nav { display: none; } body { display: block; } details { display: none; } }
</style></head>
<body>
<nav aria-label="Endpoints"><p><strong>${esc(info['title'])}</strong><br><small>version ${esc(info['version'])}</small></p>
<ul>${nav}<li><a href="#schemas"><strong>Skemaer</strong></a></li></ul>
<p><a href="/api/v1/openapi.json">openapi.json</a></p></nav>
<main>
<h1>${esc(info['title'])}</h1>
${md(info['description'])}
<p>Maskinlæsbar beskrivelse: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI ${esc(doc['openapi'])}, JSON Schema 2020-12).</p>
${sections}
<section id="schemas"><h2>Skemaer</h2>${schemaHtml}</section>
</main></body></html>`;
}
