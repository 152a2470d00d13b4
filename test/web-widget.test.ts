/** Pure parts of the widget, in Node: the markdown subset (escaping first), the SSE parser, the bundle's size. */
import { describe, expect, it } from 'vitest';
import { buildWidget, GZIP_BUDGET } from '../src/web/build.ts';
import { createSseParser } from '../src/web/widget/api.ts';
import { plainText, renderMarkdown } from '../src/web/widget/markdown.ts';

describe('renderMarkdown', () => {
  const label = (n: number) => (n <= 2 ? `SEL § 12${n}` : undefined);

  it('renders bold, italics, lists, blockquotes and paragraphs', () => {
    const html = renderMarkdown(
      '**Ikke tilladt** (SEL § 128)\n\n- én\n- to\n\n> citat\n> — kilde\n\n_Hjemmel giver vejledning._',
    );
    expect(html).toBe(
      '<p><strong>Ikke tilladt</strong> (SEL § 128)</p><ul><li>én</li><li>to</li></ul><blockquote>citat<br>— kilde</blockquote><p><em>Hjemmel giver vejledning.</em></p>',
    );
  });

  it('turns known citation markers into labelled buttons and leaves unknown ones as text', () => {
    const html = renderMarkdown('Se [1][2] og [9].', { citationLabel: label });
    expect(html).toContain('<button type="button" class="cite" data-n="1" aria-label="Kilde 1: SEL § 121">1</button>');
    expect(html).toContain('data-n="2"');
    expect(html).toContain('[9]');
  });

  it('escapes HTML before adding any markup', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> **<b>fed</b>** [1]', {
      citationLabel: () => '"><script>alert(1)</script>',
    });
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('aria-label="Kilde 1: &quot;&gt;&lt;script&gt;');
  });

  it('keeps underscores inside words and can skip blocks', () => {
    expect(renderMarkdown('lock_own_home_exterior')).toBe('<p>lock_own_home_exterior</p>');
    expect(renderMarkdown('a\n\nb\n\nc', { skipBlock: (raw) => raw === 'b' })).toBe('<p>a</p><p>c</p>');
  });

  it('gives plain text for copying', () => {
    expect(plainText('**Ikke tilladt** [1]\n\n_note_')).toBe('Ikke tilladt [1]\n\nnote');
  });
});

describe('createSseParser', () => {
  it('parses events split across chunks, CRLF and multi-line data', () => {
    const events: Array<[string, string]> = [];
    const feed = createSseParser((e, d) => events.push([e, d]));
    feed('event: delta\ndata: {"text":"Hej ');
    feed('"}\n\n: comment\n\nevent: final\r\ndata: {"a":\r\ndata: 1}\r\n\r\n');
    feed('data: plain\n\n');
    expect(events).toEqual([
      ['delta', '{"text":"Hej "}'],
      ['final', '{"a":\n1}'],
      ['message', 'plain'],
    ]);
  });
});

describe('widget bundle', () => {
  it('builds with esbuild within the gzip budget', async () => {
    const built = await buildWidget();
    expect(built.code).toContain('hjemmel-chat');
    expect(built.gzipBytes).toBeLessThan(GZIP_BUDGET);
    // Offline: no external URLs for fonts, scripts or styles.
    expect(built.code).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
