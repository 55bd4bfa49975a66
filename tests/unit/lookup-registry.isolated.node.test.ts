import { expect, test, vi } from 'vitest';
import { socketAddress } from '../../src/model/shared/ip.ts';
import { ipParam } from '../../src/model/shared/params.ts';
import type { DataStage, ServiceModule } from '../../src/model/service.ts';

// A stage added to the registry joins the reverse lookup with no edit to the lookup (SPEC §13):
// a made-up service is put into SERVICES, and its chains, its address and its role are found.

vi.mock('../../src/model/services.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/model/services.ts')>();
  const zzsrc = ipParam('10.9.0.4');
  const stage: DataStage<{ zzip: import('../../src/model/shared/ip.ts').Ip; zzsrc: import('../../src/model/shared/ip.ts').Ip }> = {
    key: 'zz',
    // A kind the registry declares (a new kind would be one more entry of STAGE_KINDS): like a Private Link service.
    kind: 'private-link',
    follows: ['client'],
    // Like a Private Link service, it must be followed by a Load Balancer.
    leadsTo: ['balancer'],
    frontend: { public: 'zzip' },
    params: { zzip: ipParam('198.51.100.199'), zzsrc },
    run: ({ flow, front, target }, s) => {
      const own = socketAddress(s.zzsrc, 45000);
      return {
        packets: {
          requestIn: { n: 1, from: 'client', to: 'zz', src: flow.from, dst: front, note: 'test', session: 1 },
          requestOut: { n: 2, from: 'zz', to: 'backend', src: own, dst: target, note: 'test', session: 2 },
          replyIn: { n: 3, from: 'backend', to: 'zz', src: target, dst: own, note: 'test', session: 2 },
          replyOut: { n: 4, from: 'zz', to: 'client', src: front, dst: flow.from, note: 'test', session: 1 },
        },
        next: { ...flow, from: own, name: s.zzsrc.text },
      };
    },
    source: 'own',
    sourceRole: () => ({ role: 'zz-node', param: 'zzsrc' }),
  };
  const fake: ServiceModule<never, 'test-service'> = { id: 'test-service', stages: [stage] };
  return { ...original, SERVICES: [...original.SERVICES, fake] };
});

test('a stage added to the registry is searched: its chains, and the address it sends from in its role', async () => {
  const { designs, lookup, readLookupScenario } = await import('../../src/model/cross-service/lookup.ts');
  const ids = designs().map((design) => design.id);
  // Its order rule holds: only in front of a Load Balancer, and only first.
  expect(ids).toContain('zz,lb');
  expect(ids).not.toContain('zz');
  expect(ids).not.toContain('tm,zz,lb');
  const read = readLookupScenario({ addr: '10.9.0.4:45000' });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  expect(lookup(read.scenario).matches.map((match) => [match.design.id, match.role, match.leg, match.clientWent])).toEqual([
    ['zz,lb', 'zz-node', 3, 'nowhere'],
  ]);
  // Its parameters are the reader's to set, like every stage's.
  const moved = readLookupScenario({ addr: '10.9.0.8', zzsrc: '10.9.0.8' });
  if (!moved.ok) throw new Error(JSON.stringify(moved.errors));
  expect(lookup(moved.scenario).matches.map((match) => match.design.id)).toEqual(['zz,lb']);
});
