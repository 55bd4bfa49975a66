import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { stableHeadingId } from '../../src/markdown/heading-ids.ts';

const heading = (...children: Element['children']): Element => ({ type: 'element', tagName: 'h2', properties: {}, children });

describe('stable heading ids', () => {
  it('takes the id from a trailing {#id} and removes the marker', () => {
    const out = stableHeadingId(heading({ type: 'text', value: '宛先 NAT {#destination-nat}' }));
    expect(out?.properties.id).toBe('destination-nat');
    expect(out?.children).toEqual([{ type: 'text', value: '宛先 NAT' }]);
  });
  it('keeps inline markup before the marker', () => {
    const code: Element = { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: 'X-Forwarded-For' }] };
    const out = stableHeadingId(heading(code, { type: 'text', value: ' header {#xff}' }));
    expect(out?.properties.id).toBe('xff');
    expect(out?.children).toEqual([code, { type: 'text', value: ' header' }]);
  });
  it.each(['No marker', 'Marker {#Upper}', 'Marker {#-lead}', 'Marker {#id} then text'])('leaves %j alone', (text) => {
    expect(stableHeadingId(heading({ type: 'text', value: text }))).toBeUndefined();
  });
});
