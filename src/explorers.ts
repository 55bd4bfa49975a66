import type { Translate } from './i18n.ts';
import type { ParamSpecs, RawParams, ScenarioResult } from './model/params.ts';
import { loadBalancerParams, readLoadBalancerScenario, type LoadBalancerScenario } from './model/load-balancer.ts';
import type { ExplorerView } from './view/explorer.ts';
import { loadBalancerView } from './view/load-balancer.ts';
import {
  applicationGatewayParams,
  readApplicationGatewayScenario,
  TLS_MODES,
  type ApplicationGatewayScenario,
} from './model/application-gateway.ts';
import { applicationGatewayView } from './view/application-gateway.ts';
import {
  clientCertificateParams,
  readClientCertificateScenario,
  type ClientCertificateScenario,
} from './model/client-certificate.ts';
import { clientCertificateView } from './view/client-certificate.ts';
import { readTrafficManagerScenario, trafficManagerParams, type TrafficManagerScenario } from './model/traffic-manager.ts';
import { trafficManagerView } from './view/traffic-manager.ts';
import { failoverParams, readFailoverScenario, type FailoverScenario } from './model/failover.ts';
import { failoverView } from './view/failover.ts';
import { frontDoorParams, readFrontDoorScenario, type FrontDoorScenario } from './model/front-door.ts';
import { frontDoorView } from './view/front-door.ts';
import { pathParams, readPathScenario, type PathScenario } from './model/paths.ts';
import { pathView } from './view/paths.ts';
import { healthProbeParams, readHealthProbeScenario, type HealthProbeScenario } from './model/health-probes.ts';
import { healthProbesView } from './view/health-probes.ts';

/**
 * How a scenario parameter is edited. `select` options are the raw values; labels come from i18n.
 * `label` is the i18n key of the field's name where `field.<name>` would mislead on this explorer
 * (Traffic Manager's `port` is the endpoints' port, not a frontend's).
 */
export type Control = { readonly name: string; readonly label?: string } & (
  | { readonly type: 'text' }
  | { readonly type: 'number' }
  | { readonly type: 'select'; readonly options: readonly string[] }
);

/**
 * One explorer: which parameters it reads, how they are edited, and the pure functions from raw
 * parameters to a view. The page at build time and the browser after an edit both go through this.
 */
export interface ExplorerDefinition<S> {
  readonly params: ParamSpecs<S>;
  readonly controls: readonly Control[];
  readonly read: (raw: RawParams) => ScenarioResult<S>;
  readonly view: (scenario: S, t: Translate) => ExplorerView;
}

const loadBalancer: ExplorerDefinition<LoadBalancerScenario> = {
  params: loadBalancerParams,
  controls: [
    { name: 'client', type: 'text' },
    { name: 'cport', type: 'number' },
    { name: 'lbip', type: 'text' },
    { name: 'port', type: 'number' },
    { name: 'backends', type: 'text' },
    { name: 'bport', type: 'number' },
    { name: 'pick', type: 'number' },
    { name: 'floating', type: 'select', options: ['0', '1'] },
  ],
  read: readLoadBalancerScenario,
  view: loadBalancerView,
};

const applicationGateway: ExplorerDefinition<ApplicationGatewayScenario> = {
  params: applicationGatewayParams,
  controls: [
    { name: 'client', type: 'text' },
    { name: 'cport', type: 'number' },
    { name: 'agwip', type: 'text' },
    { name: 'port', type: 'number' },
    { name: 'subnet', type: 'text' },
    { name: 'instances', type: 'number' },
    { name: 'via', type: 'number' },
    { name: 'gport', type: 'number' },
    { name: 'backends', type: 'text' },
    { name: 'bport', type: 'number' },
    { name: 'pick', type: 'number' },
    { name: 'tls', type: 'select', options: TLS_MODES },
    { name: 'xffin', type: 'text' },
  ],
  read: readApplicationGatewayScenario,
  view: applicationGatewayView,
};

const clientCertificate: ExplorerDefinition<ClientCertificateScenario> = {
  params: clientCertificateParams,
  controls: [{ name: 'tls', type: 'select', options: TLS_MODES }],
  read: readClientCertificateScenario,
  view: clientCertificateView,
};

const trafficManager: ExplorerDefinition<TrafficManagerScenario> = {
  params: trafficManagerParams,
  controls: [
    { name: 'client', type: 'text' },
    { name: 'cport', type: 'number' },
    { name: 'profile', type: 'text' },
    { name: 'endpoints', type: 'text' },
    { name: 'port', type: 'number', label: 'field.endpoint-port' },
    { name: 'fail', type: 'number', label: 'field.fail-optional' },
    { name: 'resolved', type: 'number' },
    { name: 'interval', type: 'select', options: ['30', '10'] },
    { name: 'tolerated', type: 'number' },
    { name: 'timeout', type: 'number' },
  ],
  read: readTrafficManagerScenario,
  view: trafficManagerView,
};

const failover: ExplorerDefinition<FailoverScenario> = {
  params: failoverParams,
  controls: [
    { name: 'ttl', type: 'number' },
    { name: 'interval', type: 'select', options: ['30', '10'] },
    { name: 'tolerated', type: 'number' },
    { name: 'timeout', type: 'number' },
    { name: 'fail', type: 'number' },
    { name: 'resolved', type: 'number' },
  ],
  read: readFailoverScenario,
  view: failoverView,
};

const healthProbes: ExplorerDefinition<HealthProbeScenario> = {
  params: healthProbeParams,
  controls: [
    { name: 'client', type: 'text' },
    { name: 'lbip', type: 'text' },
    { name: 'backends', type: 'text' },
    { name: 'bport', type: 'number' },
    { name: 'subnet', type: 'text' },
    { name: 'instances', type: 'number' },
    { name: 'endpoints', type: 'text' },
    { name: 'port', type: 'number', label: 'field.probe-port' },
    { name: 'lbinterval', type: 'number' },
    { name: 'agwinterval', type: 'number' },
    { name: 'interval', type: 'select', options: ['30', '10'], label: 'field.tm-interval' },
    { name: 'origin', type: 'text', label: 'field.fd-origin' },
    { name: 'oport', type: 'number' },
    { name: 'fdinterval', type: 'number' },
  ],
  read: readHealthProbeScenario,
  view: healthProbesView,
};

const frontDoor: ExplorerDefinition<FrontDoorScenario> = {
  params: frontDoorParams,
  controls: [
    { name: 'client', type: 'text' },
    { name: 'cport', type: 'number' },
    { name: 'fdip', type: 'text' },
    { name: 'port', type: 'number' },
    { name: 'edge', type: 'text' },
    { name: 'eport', type: 'number' },
    { name: 'origin', type: 'text' },
    { name: 'bport', type: 'number', label: 'field.origin-port' },
    { name: 'fdid', type: 'text' },
    { name: 'xffin', type: 'text' },
  ],
  read: readFrontDoorScenario,
  view: frontDoorView,
};

const path: ExplorerDefinition<PathScenario> = {
  params: pathParams,
  controls: [
    { name: 'chain', type: 'text' },
    { name: 'client', type: 'text' },
    { name: 'cport', type: 'number' },
    { name: 'xffin', type: 'text' },
    { name: 'port', type: 'number', label: 'field.stage-port' },
    { name: 'profile', type: 'text' },
    { name: 'endpoints', type: 'text' },
    { name: 'fdip', type: 'text' },
    { name: 'edge', type: 'text' },
    { name: 'eport', type: 'number' },
    { name: 'fdid', type: 'text' },
    { name: 'fwip', type: 'text' },
    { name: 'fwsnat', type: 'text' },
    { name: 'fwport', type: 'number' },
    { name: 'agwip', type: 'text' },
    { name: 'agwpriv', type: 'text' },
    { name: 'subnet', type: 'text' },
    { name: 'instances', type: 'number' },
    { name: 'via', type: 'number' },
    { name: 'gport', type: 'number' },
    { name: 'tls', type: 'select', options: TLS_MODES },
    { name: 'lbip', type: 'text' },
    { name: 'lbpriv', type: 'text' },
    { name: 'floating', type: 'select', options: ['0', '1'] },
    { name: 'backends', type: 'text' },
    { name: 'bport', type: 'number' },
    { name: 'pick', type: 'number' },
  ],
  read: readPathScenario,
  view: pathView,
};

export const explorers = {
  'load-balancer': loadBalancer,
  'application-gateway': applicationGateway,
  'client-certificate': clientCertificate,
  'traffic-manager': trafficManager,
  failover,
  'health-probes': healthProbes,
  'front-door': frontDoor,
  path,
} as const;

export type ExplorerKind = keyof typeof explorers;

export function isExplorerKind(value: string): value is ExplorerKind {
  return Object.hasOwn(explorers, value);
}

/** The registry with its scenario types erased, for code that handles any explorer. */
export function explorerFor(kind: ExplorerKind): ExplorerDefinition<unknown> {
  return explorers[kind] as unknown as ExplorerDefinition<unknown>;
}

/** The i18n key naming a parameter on this explorer: the control's own label, else `field.<name>`. */
export function labelKey(definition: ExplorerDefinition<unknown>, name: string): string {
  return definition.controls.find((control) => control.name === name)?.label ?? `field.${name}`;
}
