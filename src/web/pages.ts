/** Server-rendered HTML pages of the web mount: the standalone chat, the source list and the feedback table. */

import { DANISH_MONTHS } from '../answer/labels.ts';
import type { SourceMeta } from '../corpus/types.ts';
import { type CitedText, type ExplainedMeasure, KIND_LABELS } from '../rules/explain.ts';

export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const MONTHS = DANISH_MONTHS;

/** "2025-01-01" → "1. januar 2025"; "2024-12" → "december 2024"; anything else unchanged. */
export function danishDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)}. ${month} ${y}` : `${month} ${y}`;
}

/** Security headers for the HTML pages: no external requests at all. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

const PAGE_STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
    font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff; }
  main.doc { max-width: 72rem; margin: 0 auto; padding: 16px; }
  a { color: #0a58a8; }
  table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
  caption { text-align: left; font-weight: 600; margin-bottom: 8px; }
  th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #d5dbe3; }
  th { background: #f1f4f8; }
  .table { overflow-x: auto; }
  .badge { display: inline-block; padding: 0 8px; font-size: 0.85rem; font-weight: 700; border: 1px solid; border-radius: 999px; white-space: nowrap; }
  .badge.gældende { color: #14532d; background: #e7f4eb; border-color: #1d6b36; }
  .badge.ophævet { color: #8a1c14; background: #fdecea; border-color: #a3211a; }
  .badge.udkast { color: #6e3d00; background: #fff3df; border-color: #8f4f00; }
  .badge.baggrund { color: #2b2f33; background: #eef1f5; border-color: #6b7783; }
  .note { padding: 8px 12px; background: #f1f4f8; border-left: 4px solid #0b3d6b; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

function doc(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLE}</style>
${head}
</head>
<body>
${body}
</body>
</html>`;
}

/** `/`: the full-page chat, built from the same <hjemmel-chat> element as the widget. */
export function standalonePage(): string {
  return doc(
    'Hjemmel – vejledning om magtanvendelse',
    `<main>
<h1 class="sr">Hjemmel – vejledning om magtanvendelse for omsorgspersonale</h1>
<hjemmel-chat mode="page"></hjemmel-chat>
<noscript><p class="note">Hjemmel kræver JavaScript. <a href="/kilder">Se listen over kilder</a>.</p></noscript>
</main>`,
    `<style>html, body { height: 100%; } hjemmel-chat { display: block; }</style>
<script src="/widget.js" data-launcher="false" defer></script>`,
  );
}

const KIND_LABEL: Record<string, string> = {
  lov: 'Lov',
  bekendtgørelse: 'Bekendtgørelse',
  vejledning: 'Vejledning',
  håndbog: 'Håndbog',
  høring: 'Høringsmateriale',
};

/** `/kilder`: every source Hjemmel answers from, with its date and status. */
export function sourcesPage(sources: SourceMeta[], corpusHash: string | undefined): string {
  const rows = [...sources]
    .sort((a, b) => a.rank - b.rank || b.date.localeCompare(a.date))
    .map((s) => {
      const valid = [
        s.validFrom ? `fra ${danishDate(s.validFrom)}` : '',
        s.validTo ? `til ${danishDate(s.validTo)}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `<tr>
<td><strong>${esc(s.title)}</strong>${s.shortTitle && s.shortTitle !== s.title ? `<br><span>Citeres: ${esc(s.shortTitle)}</span>` : ''}</td>
<td>${esc(KIND_LABEL[s.kind] ?? s.kind)}</td>
<td>${esc(s.issuer)}</td>
<td><time datetime="${esc(s.date)}">${esc(danishDate(s.date))}</time></td>
<td><span class="badge ${esc(s.status)}">${esc(s.status)}</span>${valid ? `<br>${esc(valid)}` : ''}</td>
<td>${esc(s.notes ?? '')}</td>
</tr>`;
    })
    .join('\n');
  return doc(
    'Kilder – Hjemmel',
    `<main class="doc">
<p><a href="/">← Tilbage til Hjemmel</a></p>
<h1>Kilder</h1>
<p><a href="/kilder/regler">Se reglerne, som regelmotoren bruger dem, ved siden af kildeteksten</a>.</p>
<p class="note">Hjemmel giver vejledning, ikke en afgørelse. Svarene bygger kun på kilderne nedenfor. En kilde med status
<strong>ophævet</strong> gælder ikke længere, og et <strong>udkast</strong> er ikke gældende regler; de bruges kun som baggrund.</p>
<div class="table"><table>
<caption>${sources.length} kilder${corpusHash ? ` (korpusversion ${esc(corpusHash.slice(0, 12))})` : ''}</caption>
<thead><tr><th scope="col">Kilde</th><th scope="col">Type</th><th scope="col">Udsteder</th><th scope="col">Dato</th><th scope="col">Status</th><th scope="col">Bemærkning</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
</main>`,
  );
}

/** `/kilder/regler`: the measures whose rule tables can be read beside the law. */
export function rulesIndexPage(measures: { id: string; title: string; provisions: string[] }[]): string {
  const items = measures
    .map(
      (m) =>
        `<li><a href="/kilder/regler/${esc(m.id)}">${esc(m.title)}</a> <span>(${esc(m.provisions.join(', ') || 'ingen hjemmel')})</span></li>`,
    )
    .join('\n');
  return doc(
    'Reglerne – Hjemmel',
    `<main class="doc">
<p><a href="/kilder">← Kilder</a></p>
<h1>Reglerne, som regelmotoren bruger dem</h1>
<p class="note">For hvert indgreb: hver betingelse med dens test og teksten i de enheder, den bygger på.</p>
<ul>
${items}
</ul>
</main>`,
  );
}

/** `/kilder/regler/:measure`: each condition of the measure beside the text of the units it cites. */
export function rulesPage(e: ExplainedMeasure): string {
  const cites = (cs: CitedText[]) =>
    cs
      .map(
        (c) =>
          `<blockquote><p><strong>${esc(c.citation ?? c.unitId)}</strong> <code>${esc(c.unitId)}</code></p>${(
            c.text ?? '(enheden findes ikke i korpus)'
          )
            .split(/\n+/)
            .map((para) => `<p>${esc(para)}</p>`)
            .join('')}</blockquote>`,
      )
      .join('\n');
  const provisions = e.provisions
    .map(
      (p) => `<section>
<h2>${esc(p.label ?? 'Ingen hjemmel')}: ${esc(p.title)} <code>${esc(p.id)}</code></h2>
<div class="table"><table>
<thead><tr><th scope="col">Betingelse</th><th scope="col">Kildetekst</th></tr></thead>
<tbody>
${p.conditions
  .map(
    (c) => `<tr id="${esc(`${p.id}-${c.id}`)}">
<td><p>${esc(c.text)}</p><p><span class="badge baggrund">${esc(KIND_LABELS[c.kind])}</span> <code>${esc(c.id)}</code></p>
<p>Opfyldt når: <code>${esc(c.formula)}</code></p>${c.unmet ? `<p>Ellers: ${esc(c.unmet)}</p>` : ''}</td>
<td>${cites(c.cites)}</td>
</tr>`,
  )
  .join('\n')}
</tbody></table></div>
</section>`,
    )
    .join('\n');
  return doc(
    `${e.title} – reglerne – Hjemmel`,
    `<main class="doc">
<p><a href="/kilder/regler">← Alle indgreb</a></p>
<h1>${esc(e.title)} <code>${esc(e.measure)}</code></h1>
${provisions}
</main>`,
  );
}

export const REASON_LABEL: Record<string, string> = {
  source_mismatch: 'Kilden passer ikke',
  wrong_answer: 'Svaret er forkert',
  unclear: 'Uklart',
  other: 'Andet',
};

/** `/admin/feedback`: the feedback staff gave, newest first. */
export function feedbackPage(rows: Array<Record<string, unknown>>): string {
  const body = rows
    .map((r) => {
      const answer = String(r['answer'] ?? '');
      return `<tr>
<td><time datetime="${esc(r['at'])}">${esc(
        String(r['at'] ?? '')
          .replace('T', ' ')
          .slice(0, 19),
      )}</time></td>
<td>${r['rating'] === 'up' ? 'Hjalp' : 'Hjalp ikke'}</td>
<td>${esc(REASON_LABEL[String(r['reason'])] ?? r['reason'] ?? '')}</td>
<td>${esc(r['comment'] ?? '')}</td>
<td>${esc(r['session_id'] ?? '')}${r['turn'] !== null && r['turn'] !== undefined ? ` (tur ${esc(r['turn'])})` : ''}</td>
<td>${esc(answer.length > 300 ? `${answer.slice(0, 300)} …` : answer)}</td>
</tr>`;
    })
    .join('\n');
  const up = rows.filter((r) => r['rating'] === 'up').length;
  return doc(
    'Feedback – Hjemmel',
    `<main class="doc">
<h1>Feedback fra brugerne</h1>
<p>${rows.length} svar: ${up} hjalp, ${rows.length - up} hjalp ikke.</p>
<div class="table"><table>
<caption>Nyeste først</caption>
<thead><tr><th scope="col">Tidspunkt (UTC)</th><th scope="col">Vurdering</th><th scope="col">Grund</th><th scope="col">Kommentar</th><th scope="col">Samtale</th><th scope="col">Svar</th></tr></thead>
<tbody>
${body || '<tr><td colspan="6">Ingen feedback endnu.</td></tr>'}
</tbody></table></div>
</main>`,
  );
}
