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

/** How a scenario parameter is edited. `select` options are the raw values; labels come from i18n. */
export type Control =
  | { readonly name: string; readonly type: 'text' }
  | { readonly name: string; readonly type: 'number' }
  | { readonly name: string; readonly type: 'select'; readonly options: readonly string[] };

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

export const explorers = {
  'load-balancer': loadBalancer,
  'application-gateway': applicationGateway,
  'client-certificate': clientCertificate,
} as const;

export type ExplorerKind = keyof typeof explorers;

export function isExplorerKind(value: string): value is ExplorerKind {
  return Object.hasOwn(explorers, value);
}

/** The registry with its scenario types erased, for code that handles any explorer. */
export function explorerFor(kind: ExplorerKind): ExplorerDefinition<unknown> {
  return explorers[kind] as unknown as ExplorerDefinition<unknown>;
}
