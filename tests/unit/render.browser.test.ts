import { afterAll, describe, expect, it } from 'vitest';
import { closeRenderer, renderDiagram } from '../../src/diagram/render.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';

// The build-time renderer in real headless Chromium with the real Mermaid bundle.
afterAll(closeRenderer);

function diagram(label: string) {
  return sequenceSource({
    title: 'Hostile title',
    description: 'Hostile description',
    participants: [
      { key: 'c', label: ['クライアント', label] },
      { key: 's', label: ['Server'] },
    ],
    steps: [
      { kind: 'message', from: 'c', to: 's', text: `(1) [2001:db8::10]:50000 → ${label}` },
      { kind: 'note', over: ['c', 's'], text: label },
    ],
  });
}

function svgText(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');
}

describe('build-time Mermaid renderer', () => {
  it('renders an SVG with an accessible title and description', async () => {
    const svg = await renderDiagram(diagram('198.51.100.10:443'), 'test-basic');
    expect(svg).toMatch(/^<svg[^>]+id="test-basic"/);
    expect(svg).toContain('aria-roledescription="sequence"');
    expect(svg).toMatch(/<title[^>]*>Hostile title<\/title>/);
    expect(svg).toMatch(/<desc[^>]*>Hostile description<\/desc>/);
    expect(svgText(svg)).toContain('[2001:db8::10]:50000 → 198.51.100.10:443');
    expect(svgText(svg)).toContain('クライアント');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '%%{init: {"theme": "dark"}}%%',
    'a; b # c {d} $e \\f',
  ])('shows %j as literal text, without markup or directives taking effect', async (label) => {
    const svg = await renderDiagram(diagram(label), `test-hostile-${label.length}`);
    // Markup in a label arrives as escaped text, never as an element or an attribute.
    expect(svg).not.toMatch(/<script|<img|\son\w+="/i);
    expect(svgText(svg)).toContain(label);
    // The theme directive was not obeyed: the site's light actor fill stays (src/diagram/config.ts).
    expect(svg.toLowerCase()).toContain('#edeef3');
  });

  it('reuses one browser: a second render is fast', async () => {
    await renderDiagram(diagram('192.0.2.1:1'), 'warm-up');
    const start = performance.now();
    await renderDiagram(diagram('192.0.2.2:2'), 'timed');
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
