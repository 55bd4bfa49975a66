import { describe, expect, it } from 'vitest';
import { explorerFor } from '../../src/explorers.ts';
import { changedCount } from '../../src/view/explorer.ts';

/** The outbound form's visible fields for a scenario, in the form's order. */
function visible(raw: Record<string, string>): string[] {
  const definition = explorerFor('outbound');
  const result = definition.read(raw);
  if (!result.ok) throw new Error('invalid scenario');
  const inUse = definition.fieldsInUse?.(result.scenario);
  return definition.controls.map((control) => control.name).filter((name) => inUse === undefined || inUse.has(name));
}

/*
 * Which fields each method reads (SPEC §10): an explicit allocation only with a Load Balancer
 * outbound rule, the instance count only with Azure Firewall, the SNAT port wherever SNAT happens
 * (not with an instance-level public IP, a 1:1 NAT), the close only with TCP, the idle timeout only
 * where a flow ends by it (TCP closed by idling; UDP, but not on NAT Gateway, fixed at 4 minutes).
 */
const always = ['egress', 'vm', 'vport', 'pips', 'pool', 'dest', 'proto', 'rate', 'life'];
describe.each<[string, Record<string, string>, string[]]>([
  ['Load Balancer, TCP closed by FIN (defaults)', {}, ['sport', 'ports', 'close']],
  ['Load Balancer, TCP left idle', { close: 'idle' }, ['sport', 'ports', 'close', 'idle']],
  ['NAT Gateway, TCP', { egress: 'natgw' }, ['sport', 'close']],
  ['NAT Gateway, UDP', { egress: 'natgw', proto: 'udp' }, ['sport']],
  ['Azure Firewall wins over NAT Gateway', { egress: 'natgw,fw' }, ['sport', 'fwinst', 'close']],
  ['instance-level public IP, UDP', { egress: 'ilpip', proto: 'udp' }, ['idle']],
  ['default outbound access', { egress: 'default' }, ['sport', 'close']],
])('outbound form, %s', (_name, raw, own) => {
  it('shows only the fields the scenario reads', () => {
    const expected = [
      'egress',
      'vm',
      'vport',
      'pips',
      'sport',
      'pool',
      'ports',
      'fwinst',
      'dest',
      'proto',
      'rate',
      'life',
      'close',
      'idle',
    ].filter((name) => always.includes(name) || own.includes(name));
    expect(visible(raw)).toEqual(expected);
  });
});

describe('changedCount', () => {
  const params = { a: { default: '1' }, b: { default: 'x,y' }, c: { default: '' } };
  it.each<[Record<string, string>, number]>([
    [{}, 0],
    // Values as the URL writes them: surrounding spaces do not count as a change.
    [{ a: ' 1 ', b: 'x,y' }, 0],
    [{ a: '2' }, 1],
    [{ a: '2', b: 'y', c: 'z' }, 3],
  ])('%j differs from the defaults in %i parameters', (raw, n) => expect(changedCount(params, raw)).toBe(n));
});
