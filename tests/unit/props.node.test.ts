import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { anchorProp, parseProps, propsError, scenarioProp } from '../../components/props.ts';

const schema = z.strictObject({ kind: z.enum(['load-balancer']), id: anchorProp.optional(), scenario: scenarioProp.default({}) });

/** The error parseProps throws, as `message` + `hint` (what the build prints). */
function failure(props: unknown): { message: string; hint: string } {
  try {
    parseProps('Explorer', schema, props);
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return { message, hint: hint ?? '' };
  }
  throw new Error('parseProps accepted bad props');
}

describe('parseProps', () => {
  test('returns the parsed props, defaults filled in', () => {
    expect(parseProps('Explorer', schema, { kind: 'load-balancer' })).toEqual({ kind: 'load-balancer', scenario: {} });
  });

  test.each([
    // a value of the wrong type names the prop
    [{ kind: 'load-balancer', scenario: { ttl: 300 } }, '`scenario.ttl`'],
    // an id that can't be an anchor
    [{ kind: 'load-balancer', id: 'My Example' }, '`id`: must be lower-case words'],
    // a misspelt prop is refused, not ignored
    [{ kind: 'load-balancer', scenaro: {} }, 'scenaro'],
    // a missing required prop
    [{}, '`kind`'],
  ])('%j → an error naming the component and %s', (props, part) => {
    const { message, hint } = failure(props);
    expect(message).toBe('Invalid props passed to the <Explorer> component.');
    expect(hint).toContain(part);
  });
});

describe('propsError', () => {
  test('one line per problem, with its path', () => {
    const error = propsError('NsgRules', [
      { path: 'scenario', message: 'bad subnet' },
      { path: '', message: 'no places' },
    ]) as Error & { hint?: string };
    expect(error.message).toBe('Invalid props passed to the <NsgRules> component.');
    expect(error.hint).toBe('- `scenario`: bad subnet\n- no places');
  });
});
