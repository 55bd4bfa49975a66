import { uiKey, type Translate, type UiKey } from './i18n.ts';
import type { ParamSpecs, RawParams, ScenarioResult } from './model/params.ts';
import { loadBalancerParams, readLoadBalancerScenario, type LoadBalancerScenario } from './model/load-balancer.ts';
import type { ExplorerView } from './view/explorer.ts';
import { loadBalancerView } from './view/load-balancer.ts';
import { applicationGatewayParams, readApplicationGatewayScenario, type ApplicationGatewayScenario } from './model/application-gateway.ts';
import { applicationGatewayView } from './view/application-gateway.ts';
import { clientCertificateParams, readClientCertificateScenario, type ClientCertificateScenario } from './model/client-certificate.ts';
import { clientCertificateView } from './view/client-certificate.ts';
import { readTrafficManagerScenario, trafficManagerParams, type TrafficManagerScenario } from './model/traffic-manager.ts';
import { trafficManagerView } from './view/traffic-manager.ts';
import { failoverParams, readFailoverScenario, type FailoverScenario } from './model/failover.ts';
import { failoverView } from './view/failover.ts';
import { frontDoorParams, readFrontDoorScenario, type FrontDoorScenario } from './model/front-door.ts';
import { frontDoorView } from './view/front-door.ts';
import { pathFieldsInUse, pathParams, readPathScenario, type PathScenario } from './model/paths.ts';
import { pathView } from './view/paths.ts';
import { healthProbeParams, readHealthProbeScenario, type HealthProbeScenario } from './model/health-probes.ts';
import { healthProbesView } from './view/health-probes.ts';

/**
 * How a scenario parameter is edited. `select` options are the raw values; labels come from i18n.
 * `label` is the i18n key of the field's name where `field.<name>` would mislead on this explorer
 * (Traffic Manager's `port` is the endpoints' port, not a frontend's).
 */
export type Control = { readonly name: string; readonly label?: string } & (
  { readonly type: 'text' } | { readonly type: 'number' } | { readonly type: 'select'; readonly options: readonly string[] }
);

/**
 * The form of an explorer: a field per parameter, in the specs' order, of the kind the spec names
 * (`ParamSpec.input`). `labels` gives a field its own i18n key where `field.<name>` would mislead.
 */
function controlsOf<S>(params: ParamSpecs<S>, labels: Partial<Record<keyof S & string, string>> = {}): Control[] {
  return (Object.keys(params) as (keyof S & string)[]).map((name) => {
    const input = params[name].input ?? 'text';
    const label = labels[name];
    const named = label === undefined ? { name } : { name, label };
    return typeof input === 'string' ? { ...named, type: input } : { ...named, type: 'select', options: input.options };
  });
}

/**
 * One explorer: which parameters it reads, how they are edited, and the pure functions from raw
 * parameters to a view. The page at build time and the browser after an edit both go through this.
 */
export interface ExplorerDefinition<S> {
  readonly params: ParamSpecs<S>;
  readonly controls: readonly Control[];
  readonly read: (raw: RawParams) => ScenarioResult<S>;
  readonly view: (scenario: S, t: Translate) => ExplorerView;
  /** The fields this scenario reads, where that depends on the scenario (the paths explorer's chain); the form hides the rest. */
  readonly fieldsInUse?: (scenario: S) => ReadonlySet<string>;
}

const loadBalancer: ExplorerDefinition<LoadBalancerScenario> = {
  params: loadBalancerParams,
  controls: controlsOf(loadBalancerParams),
  read: readLoadBalancerScenario,
  view: loadBalancerView,
};

const applicationGateway: ExplorerDefinition<ApplicationGatewayScenario> = {
  params: applicationGatewayParams,
  controls: controlsOf(applicationGatewayParams),
  read: readApplicationGatewayScenario,
  view: applicationGatewayView,
};

const clientCertificate: ExplorerDefinition<ClientCertificateScenario> = {
  params: clientCertificateParams,
  controls: controlsOf(clientCertificateParams),
  read: readClientCertificateScenario,
  view: clientCertificateView,
};

const trafficManager: ExplorerDefinition<TrafficManagerScenario> = {
  params: trafficManagerParams,
  controls: controlsOf(trafficManagerParams, { port: 'field.endpoint-port', fail: 'field.fail-optional' }),
  read: readTrafficManagerScenario,
  view: trafficManagerView,
};

const failover: ExplorerDefinition<FailoverScenario> = {
  params: failoverParams,
  controls: controlsOf(failoverParams),
  read: readFailoverScenario,
  view: failoverView,
};

const healthProbes: ExplorerDefinition<HealthProbeScenario> = {
  params: healthProbeParams,
  controls: controlsOf(healthProbeParams, { port: 'field.probe-port', interval: 'field.tm-interval', origin: 'field.fd-origin' }),
  read: readHealthProbeScenario,
  view: healthProbesView,
};

const frontDoor: ExplorerDefinition<FrontDoorScenario> = {
  params: frontDoorParams,
  controls: controlsOf(frontDoorParams, { bport: 'field.origin-port' }),
  read: readFrontDoorScenario,
  view: frontDoorView,
};

const path: ExplorerDefinition<PathScenario> = {
  params: pathParams,
  controls: controlsOf(pathParams, { port: 'field.stage-port' }),
  read: readPathScenario,
  view: pathView,
  fieldsInUse: pathFieldsInUse,
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
export function labelKey(definition: ExplorerDefinition<unknown>, name: string): UiKey {
  return uiKey(definition.controls.find((control) => control.name === name)?.label ?? `field.${name}`);
}
