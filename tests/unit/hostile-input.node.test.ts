import { describe, expect, test } from 'vitest';
import { explorerFor, explorers, type ExplorerKind } from '../../src/explorers.ts';

/**
 * Hostile and malformed values for every parameter of every explorer (SPEC §2): each must be
 * refused as an error on that parameter. The parser is the same in both languages and in the
 * browser, so this runs here; tests/e2e/bad-input.spec.ts checks the page once per explorer kind.
 */
const HOSTILE = [
  '',
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '%%{init: {"theme": "dark"}}%%',
  'x\nparticipant evil',
  ';',
  '#',
  '%%',
  '99999999999999999999999999',
  '-1',
  '1e3',
  '２０３．０．１１３．１０',
  '😀',
  'javascript:window.__pwned=1',
  "' OR '1'='1",
];

/** Values that are legitimately valid for a parameter (SPEC §2). */
const VALID_FOR: Record<string, readonly string[]> = {
  // On the Traffic Manager explorer an empty `fail` means "no failure".
  'traffic-manager.fail': [''],
  // An empty `xffin` means the client sent no X-Forwarded-For of its own.
  'application-gateway.xffin': [''],
  'front-door.xffin': [''],
  'path.xffin': [''],
};

const cases = (Object.keys(explorers) as ExplorerKind[]).flatMap((kind) =>
  Object.keys(explorerFor(kind).params as object).flatMap((param) =>
    HOSTILE.filter((value) => !VALID_FOR[`${kind}.${param}`]?.includes(value)).map((value) => [kind, param, value] as const),
  ),
);

describe('hostile parameter values', () => {
  test('cover every explorer kind', () => {
    expect(new Set(cases.map(([kind]) => kind))).toEqual(new Set(Object.keys(explorers)));
  });

  test.each(cases)('%s: %s=%j is refused on that parameter', (kind, param, value) => {
    const result = explorerFor(kind).read({ [param]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.param)).toContain(param);
  });
});
