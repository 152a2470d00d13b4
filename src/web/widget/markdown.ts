/**
 * A tiny, safe renderer for the answer's markdown subset: paragraphs, bullet and numbered lists,
 * blockquotes, **bold**, _italic_ and citation markers [n]. All text is HTML-escaped first; the only
 * markup produced is the fixed set of tags below. Pure string code (unit-tested in Node).
 */

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface RenderOptions {
  /** Label of citation n (e.g. "SEL § 128 c, stk. 1"); markers without a label stay plain text. */
  citationLabel?: (n: number) => string | undefined;
  /** Blocks (paragraphs separated by blank lines) to leave out, tested on the raw text. */
  skipBlock?: (raw: string, index: number) => boolean;
}

function inline(text: string, opts: RenderOptions): string {
  let s = escapeHtml(text);
  s = s.replace(/\*\*([^*]+?)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/(^|[\s(])_([^_\n]+?)_(?=$|[\s.,;:!?)])/g, '$1<em>$2</em>');
  s = s.replace(/\[(\d{1,3})\]/g, (m, d: string) => {
    const n = Number(d);
    const label = opts.citationLabel?.(n);
    if (!label) return m;
    return `<button type="button" class="cite" data-n="${n}" aria-label="${escapeHtml(`Kilde ${n}: ${label}`)}">${n}</button>`;
  });
  return s;
}

type Group = { kind: 'p' | 'ul' | 'ol' | 'quote'; lines: string[] };

/** Renders markdown to HTML (see the module comment for the subset). */
export function renderMarkdown(md: string, opts: RenderOptions = {}): string {
  const out: string[] = [];
  const blocks = md
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((b) => b.trim());
  blocks.forEach((block, index) => {
    if (opts.skipBlock?.(block, index)) return;
    const groups: Group[] = [];
    for (const line of block.split('\n')) {
      let kind: Group['kind'] = 'p';
      let text = line;
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
      const quote = /^\s*>\s?(.*)$/.exec(line);
      if (bullet) [kind, text] = ['ul', bullet[1]!];
      else if (numbered) [kind, text] = ['ol', numbered[1]!];
      else if (quote) [kind, text] = ['quote', quote[1]!];
      const last = groups[groups.length - 1];
      if (last && last.kind === kind) last.lines.push(text);
      else groups.push({ kind, lines: [text] });
    }
    for (const g of groups) {
      if (g.kind === 'ul' || g.kind === 'ol') {
        out.push(`<${g.kind}>${g.lines.map((l) => `<li>${inline(l, opts)}</li>`).join('')}</${g.kind}>`);
      } else if (g.kind === 'quote') {
        out.push(`<blockquote>${g.lines.map((l) => inline(l, opts)).join('<br>')}</blockquote>`);
      } else {
        out.push(`<p>${g.lines.map((l) => inline(l, opts)).join('<br>')}</p>`);
      }
    }
  });
  return out.join('');
}

/** The answer as plain text (for "copy answer"): markdown markers removed, citations kept as [n]. */
export function plainText(md: string): string {
  return md
    .replace(/\*\*([^*]+?)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+?)_(?=$|[\s.,;:!?)])/g, '$1$2')
    .trim();
}
