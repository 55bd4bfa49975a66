import { ipPort, type Ip } from './ip.ts';
import type { Hop } from './hop.ts';
import {
  flagParam,
  intParam,
  ipListParam,
  ipParam,
  portParam,
  readScenario,
  type ParamError,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
} from './params.ts';

export interface LoadBalancerScenario {
  readonly client: Ip;
  readonly cport: number;
  readonly lbip: Ip;
  readonly port: number;
  readonly backends: readonly Ip[];
  readonly bport: number;
  readonly pick: number;
  readonly floating: boolean;
}

export const loadBalancerParams: ParamSpecs<LoadBalancerScenario> = {
  client: ipParam('203.0.113.10'),
  cport: intParam('50000', 1024, 65535),
  lbip: ipParam('198.51.100.10'),
  port: portParam('443'),
  backends: ipListParam('10.0.1.4,10.0.1.5', 1, 16),
  bport: portParam('443'),
  pick: intParam('1', 1, 16),
  floating: flagParam('0'),
};

/** A packet keeps one IP version end to end: the frontend and the backends share the client's. */
export function checkLbFamilies(s: Pick<LoadBalancerScenario, 'client' | 'lbip' | 'backends'>): ParamError[] {
  const errors: ParamError[] = [];
  if (s.lbip.family !== s.client.family) errors.push({ param: 'lbip', rule: { code: 'same-family', other: 'client' } });
  if (s.backends[0]!.family !== s.client.family) {
    errors.push({ param: 'backends', rule: { code: 'same-family', other: 'client' } });
  }
  return errors;
}

/** One IP version end to end, and `pick` must name a listed backend. */
function crossCheck(s: LoadBalancerScenario): ParamError[] {
  const errors = checkLbFamilies(s);
  if (s.pick > s.backends.length) {
    errors.push({ param: 'pick', rule: { code: 'at-most', max: s.backends.length, other: 'backends' } });
  }
  return errors;
}

export function readLoadBalancerScenario(raw: RawParams): ScenarioResult<LoadBalancerScenario> {
  return readScenario(raw, loadBalancerParams, crossCheck);
}

/**
 * The four packets of one flow through a Load Balancer (SPEC §3). The LB rewrites only the
 * destination on the way in and only the source on the way out, so the backend sees the client.
 * With Floating IP the destination IP stays the frontend's; only the port is translated.
 */
export function loadBalancerHops(s: LoadBalancerScenario): Hop[] {
  const client = ipPort(s.client, s.cport);
  const backend = s.backends[s.pick - 1]!;
  const serverSide = s.floating ? ipPort(s.lbip, s.bport) : ipPort(backend, s.bport);
  return [
    { n: 1, from: 'client', to: 'lb', src: client, dst: ipPort(s.lbip, s.port), note: 'to-frontend', session: 1 },
    { n: 2, from: 'lb', to: 'backend', src: client, dst: serverSide, note: s.floating ? 'dnat-floating' : 'dnat', session: 1 },
    { n: 3, from: 'backend', to: 'lb', src: serverSide, dst: client, note: s.floating ? 'reply-floating' : 'reply-to-client', session: 1 },
    { n: 4, from: 'lb', to: 'client', src: ipPort(s.lbip, s.port), dst: client, note: 'reverse-nat', session: 1 },
  ];
}
