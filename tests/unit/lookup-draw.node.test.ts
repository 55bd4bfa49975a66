import { describe, expect, test } from 'vitest';
import {
  LOOKUP_OWN,
  lookup,
  lookupParams,
  readLookupScenario,
  searchDesigns,
  searchFor,
  searchKey,
  type LookupScenario,
  type Search,
} from '../../src/model/cross-service/lookup.ts';
import { lookupView } from '../../src/view/lookup.ts';
import { pathView } from '../../src/view/paths.ts';
import type { PathScenario } from '../../src/model/cross-service/paths.ts';
import type { ParamSpec } from '../../src/model/shared/params.ts';
import type { ElementNode, TreeNode } from '../../src/view/tree.ts';
import { translator } from '../../src/i18n.ts';

// The lookup keeps its search between edits of the address (SPEC §13's one frame), and draws the
// match the reader picks (`design`). Expected values are worked out from the rules and the default
// scenario (the gateway subnet 10.0.0.0/24, instances from 10.0.0.4), not taken from the search.

function scenario(raw: Record<string, string>): LookupScenario {
  const result = readLookupScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

/** A search as plain data: the places' closures (a range's `contains`) compared by what they stand for. */
const plain = (search: Search) => ({
  designs: search.designs.map((design) => design.id),
  skipped: search.skipped.map((design) => design.id),
  places: search.places.map(({ design, range, ...place }) => ({ ...place, design: design.id, range: range?.text })),
});

const SPECS = lookupParams as unknown as Record<string, ParamSpec<unknown>>;
const SCENARIO_FIELDS = Object.keys(SPECS).filter((name) => !LOOKUP_OWN.has(name));

/**
 * Another value a reader could type in `name`, from its default: another option, the flag flipped,
 * or the last number in the text moved by one (an address, a port, a prefix, a list's last item).
 * The first that keeps the scenario valid and reads as another value.
 */
function anotherValue(name: string): string | undefined {
  const spec = SPECS[name]!;
  const text = spec.default;
  const options = typeof spec.input === 'object' ? spec.input.options.filter((option) => option !== text) : [];
  const last = /(\d+)(?!.*\d)/s.exec(text);
  const moved = last
    ? [1, -1, 2].map((step) => `${text.slice(0, last.index)}${Number(last[1]) + step}${text.slice(last.index + last[1]!.length)}`)
    : [];
  const extra: Record<string, string[]> = {
    // Empty by default: a list of entries the client sent, one user route, SNAT ports per instance.
    xffin: ['198.51.100.7'],
    routes: ['backend:0.0.0.0/0=10.0.2.4'],
    ports: ['1024'],
    // Names: the Traffic Manager profile and the Front Door profile's ID.
    profile: ['other.trafficmanager.net'],
    fdid: ['00000000-0000-0000-0000-000000000001'],
  };
  const base = searchKey(scenario({}));
  return [...options, ...(text === '0' ? ['1'] : text === '1' ? ['0'] : []), ...moved, ...(extra[name] ?? [])].find((value) => {
    const result = readLookupScenario({ [name]: value });
    return result.ok && searchKey(result.scenario) !== base;
  });
}

describe('the search kept between edits', () => {
  test('an edit of the address, where it was seen or the match drawn reuses the search', () => {
    const first = searchFor(scenario({}));
    expect(searchFor(scenario({ addr: '203.0.113.10', seen: 'xff', design: 'fd,agw' }))).toBe(first);
  });

  test.each(SCENARIO_FIELDS)('an edit of %s searches again, and finds what a fresh search finds', (name) => {
    const value = anotherValue(name);
    // Every field of the scenario has another value a reader could type: a new field needs a case above.
    expect(value, `no other valid value found for ${name}`).toBeDefined();
    const before = searchFor(scenario({}));
    const edited = scenario({ [name]: value! });
    const after = searchFor(edited);
    expect(after).not.toBe(before);
    expect(plain(after)).toEqual(plain(searchDesigns(edited)));
  });

  test('the answer follows an edit of the scenario: the gateway moved to 10.0.0.64/26', () => {
    // Searched once with the default subnet (10.0.0.4 is the first instance there) ...
    expect(lookup(scenario({})).matches.map((match) => match.role)).toContain('agw-instance');
    // ... then 10.0.0.4 is outside the gateway's subnet and the instances start at 10.0.0.68.
    expect(lookup(scenario({ subnet: '10.0.0.64/26' })).matches.filter((match) => match.role === 'agw-instance')).toEqual([]);
    const moved = lookup(scenario({ subnet: '10.0.0.64/26', addr: '10.0.0.68' }));
    expect(moved.matches[0]).toMatchObject({ design: { id: 'agw' }, role: 'agw-instance', byRange: false });
  });
});

/** Every element of a view tree, depth first. */
function* elements(node: TreeNode | readonly TreeNode[]): Generator<ElementNode> {
  if (Array.isArray(node)) for (const child of node) yield* elements(child);
  else if (typeof node !== 'string') {
    const element = node as ElementNode;
    yield element;
    yield* elements(element.children);
  }
}

const rows = (outputs: readonly TreeNode[]) => [...elements(outputs)].filter((element) => 'data-match' in element.attrs);
const radios = (outputs: readonly TreeNode[]) => [...elements(outputs)].filter((element) => element.tag === 'input');
const scrollLabels = (outputs: readonly TreeNode[]) =>
  [...elements(outputs)].filter((element) => element.attrs.role === 'region').map((element) => element.attrs['aria-label']);

describe('the match drawn', () => {
  const t = translator('en');

  test('by default the first match: the gateway alone, its leg 2 marked', () => {
    const result = lookup(scenario({}));
    expect(result.drawn).toMatchObject({ design: { id: 'agw' }, leg: 2 });
    const view = lookupView(scenario({}), t);
    const checked = radios(view.outputs).filter((radio) => 'checked' in radio.attrs);
    expect(checked.map((radio) => radio.attrs.value)).toEqual(['agw']);
    expect(
      rows(view.outputs)
        .filter((row) => 'data-drawn' in row.attrs)
        .map((row) => row.attrs['data-design']),
    ).toEqual(['agw']);
  });

  test('the design picked: Front Door then the gateway, the instance on leg 3 (client → edge → gateway → backend)', () => {
    const s = scenario({ design: 'fd,agw' });
    expect(lookup(s).drawn).toMatchObject({ design: { id: 'fd,agw' }, leg: 3, role: 'agw-instance' });
    const view = lookupView(s, t);
    // One radio per match, in one group, each named by its design and leg in the reader's language.
    const all = radios(view.outputs);
    expect(all).toHaveLength(rows(view.outputs).length);
    expect(new Set(all.map((radio) => radio.attrs.name)).size).toBe(1);
    expect(all.find((radio) => radio.attrs.value === 'fd,agw')?.attrs['aria-label']).toBe('Draw Front Door → Application Gateway, leg 3');
    expect(all.filter((radio) => 'checked' in radio.attrs).map((radio) => radio.attrs.value)).toEqual(['fd,agw']);
    // The drawing is the design's own, with a note right after leg 3's arrow.
    const own = pathView({ ...s, chain: ['fd', 'agw'] } as unknown as PathScenario, t).diagram;
    expect(view.diagram.title).toBe(own.title);
    const steps = view.diagram.steps.flatMap((step) => (step.kind === 'group' ? step.steps : [step]));
    const marked = steps.findIndex(
      (step) => step.kind === 'note' && step.text === '10.0.0.4:40000 appears here: An Application Gateway instance.',
    );
    expect(marked).toBeGreaterThan(0);
    const leg = steps[marked - 1]!;
    expect(leg.kind === 'message' && String(leg.text).startsWith('(3) ')).toBe(true);
    // The line above the drawing says which, in both languages.
    const line = [...elements(view.outputs)].find((element) => element.attrs['data-field'] === 'drawn');
    expect(line?.attrs['data-value']).toBe('fd,agw');
    expect(line?.children.join('')).toBe('The diagram below draws Front Door → Application Gateway, with 10.0.0.4:40000 marked on leg 3.');
    const ja = [...elements(lookupView(s, translator('ja')).outputs)].find((element) => element.attrs['data-field'] === 'drawn');
    expect(ja?.children.join('')).toBe(
      '下の図は Front Door → Application Gateway です。10.0.0.4:40000 が現れる区間 3 に印を付けています。',
    );
  });

  test('a design the address does not match now draws the first match; an unknown one is a field error', () => {
    // A Load Balancer alone keeps the client: 10.0.0.4 is not its backend's source.
    expect(lookup(scenario({ design: 'lb' })).drawn).toMatchObject({ design: { id: 'agw' } });
    for (const bad of ['agw,fd', 'outbound:nope', '<b>x</b>', 'x'.repeat(10_000)]) {
      const result = readLookupScenario({ design: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([{ param: 'design', rule: { code: 'design' } }]);
    }
    expect(lookupView(scenario({ addr: '203.0.113.99' }), t).outputs.some((node) => radios([node]).length > 0)).toBe(false);
  });
});

describe('region labels', () => {
  test('the two tables are named apart, and apart from the fixed example of 168.63.129.16 as a probe source', () => {
    for (const lang of ['ja', 'en'] as const) {
      const tl = translator(lang);
      const reader = scrollLabels(lookupView(scenario({}), tl).outputs);
      const example = scrollLabels(lookupView(scenario({ addr: '168.63.129.16', seen: 'probe' }), tl).outputs);
      expect(reader).toHaveLength(2);
      expect(example).toHaveLength(2);
      expect(new Set([...reader, ...example]).size).toBe(4);
    }
  });
});
