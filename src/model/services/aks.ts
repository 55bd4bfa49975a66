import { parseIp, socketAddress, type Ip, type SocketAddress } from '../shared/ip.ts';
import type { Hop, Packets } from '../shared/hop.ts';
import {
  COMMON_PARAMS,
  enumParam,
  fail,
  intParam,
  portParam,
  readScenario,
  type ParamError,
  type ParamSpec,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
  withDefault,
} from '../shared/params.ts';
import { checkLbFamilies, loadBalancerPackets, loadBalancerParams, lbProbeSource, type LoadBalancerScenario } from './load-balancer.ts';
import type { DataStage, ProbeRow, ServiceModule, StageInput, StageOutput } from '../service.ts';

/**
 * A Kubernetes Service of type LoadBalancer on AKS (SPEC §15, `aks`, after a Load Balancer). The
 * Load Balancer's backends are the cluster's nodes (`backends`, `pick`); on the node, kube-proxy
 * (or the dataplane that replaces it) forwards the packet to one of the Service's ready pods at its
 * `targetPort`. kubernetes.io (create-external-load-balancer, service `externalTrafficPolicy`):
 * `Cluster` (the default) spreads traffic over every ready pod in the cluster, "obscures the client
 * source IP and may cause a second hop to another node"; `Local` sends it only to pods on the node
 * that received it and keeps the client's address, and the Service's health check node port makes
 * nodes without a ready pod fail the cloud load balancer's probe, so those nodes get no traffic.
 */
export type TrafficPolicy = 'cluster' | 'local';
export const TRAFFIC_POLICIES: readonly TrafficPolicy[] = ['cluster', 'local'];

/** One ready pod of the Service: its address and the node (1-based index into `backends`) it runs on. */
export interface Pod {
  readonly ip: Ip;
  readonly node: number;
}

export interface AksSettings {
  readonly etp: TrafficPolicy;
  /** The Service's health check node port (Local only; Kubernetes allocates it from the node port range: an example). */
  readonly hcport: number;
  readonly pods: readonly Pod[];
  readonly ppick: number;
  readonly tport: number;
}

export interface AksScenario extends LoadBalancerScenario, AksSettings {}

/** The most pods the form takes (as many as nodes, `backends`' limit). */
const MAX_PODS = 16;
const MAX_NODES = 16;

/** `ip@node`, comma-separated: the Service's ready pods and where each runs. */
export function podsParam(defaultValue: string): ParamSpec<readonly Pod[]> {
  return {
    default: defaultValue,
    parse(text) {
      if (text.length > 1024) return fail({ code: 'pod-list', min: 1, max: MAX_PODS });
      const items = text === '' ? [] : text.split(',').map((item) => item.trim());
      if (items.length < 1 || items.length > MAX_PODS) return fail({ code: 'pod-list', min: 1, max: MAX_PODS });
      const pods: Pod[] = [];
      for (const [index, item] of items.entries()) {
        const match = /^([^@]{1,64})@([1-9][0-9]?)$/.exec(item);
        const ip = match ? parseIp(match[1]!) : null;
        const node = match ? Number(match[2]) : 0;
        if (!ip || node > MAX_NODES) return fail({ code: 'pod-item', index: index + 1 });
        if (pods.some((pod) => pod.ip.text === ip.text)) return fail({ code: 'duplicate', value: ip.text });
        pods.push({ ip, node });
      }
      return { ok: true, value: pods };
    },
  };
}

const etp = enumParam<TrafficPolicy>('cluster', TRAFFIC_POLICIES);
const pods = podsParam('10.244.0.7@1,10.244.1.7@2');
const ppick = intParam('2', 1, MAX_PODS);
const tport = portParam('8080');
/** Kubernetes' default node port range is 30000–32767 (kubernetes.io, Service type NodePort). */
const hcport = intParam('32000', 30000, 32767);
/** The Service port's node port (an example from the same range), which the probe reaches with Cluster. */
const nport = intParam('31000', 30000, 32767);

const aksSettingsParams: ParamSpecs<AksSettings> = { etp, pods, ppick, tport, hcport };
const { client, cport, port, backends, bport, pick } = COMMON_PARAMS;
const { lbip, floating } = loadBalancerParams;

/** The FAQ explorer's form: the Load Balancer in front (nodes as its backends), then the Service. */
export const aksParams: ParamSpecs<AksScenario> = { client, cport, lbip, port, backends, bport, pick, floating, ...aksSettingsParams };

/** The nodes that pass the Load Balancer's probe: every node with `Cluster`; with `Local`, those running a ready pod. */
export function nodesInRotation(s: Pick<AksScenario, 'etp' | 'pods' | 'backends'>): number[] {
  const all = s.backends.map((_, i) => i + 1);
  return s.etp === 'cluster' ? all : all.filter((node) => s.pods.some((pod) => pod.node === node));
}

/**
 * With Local, the Load Balancer probes each node's health check node port over HTTP (`/healthz`); a
 * node answers 200 while it runs a ready pod of the Service and fails the probe otherwise, so only
 * those nodes stay in rotation (kubernetes.io, tutorials/services/source-ip; Learn,
 * configure-load-balancer-standard, "Default health probe behavior": HTTP and /healthz on the
 * `NodeHealthPort` for local services). With Cluster, the FAQ explorer shows no rows: which port
 * AKS probes depends on the cluster's setting (see the health-probe page's rows below).
 */
export function aksProbeRows(
  s: Pick<AksScenario, 'etp' | 'pods' | 'backends' | 'hcport'>,
): { src: string; dst: SocketAddress; passes: boolean }[] {
  if (s.etp !== 'local') return [];
  const rotation = nodesInRotation(s);
  return s.backends.map((node, i) => ({ src: lbProbeSource(node), dst: socketAddress(node, s.hcport), passes: rotation.includes(i + 1) }));
}

/** What the health-probe page needs of an AKS Service: its nodes (the Load Balancer's backends) and pods. */
export interface AksProbeScenario extends Pick<AksScenario, 'backends' | 'etp' | 'pods' | 'hcport'> {
  readonly nport: number;
}

/**
 * The probe interval AKS sets when the Service has no interval annotation, seconds (Learn,
 * configure-load-balancer-standard, "Health probe interval and number of probes annotations",
 * page dated 01/23/2024: "a default value of 5").
 */
const AKS_PROBE_INTERVAL = 5;

/** Every pod of the Service runs on a listed node. */
function checkPodNodes(s: Pick<AksScenario, 'pods' | 'backends'>): ParamError[] {
  const stray = s.pods.findIndex((pod) => pod.node > s.backends.length);
  return stray === -1 ? [] : [{ param: 'pods', rule: { code: 'pod-node', index: stray + 1, max: s.backends.length } }];
}

/**
 * The Load Balancer in front of the Service probes the nodes, never the pods (Learn,
 * configure-load-balancer-standard, "Default health probe behavior"). Local: HTTP `/healthz` on the
 * health check node port, which only a node running a ready pod answers with 200. Cluster (a TCP
 * Service): a TCP probe to the Service's node port (Learn, shared-health-probes: "a separate probe
 * per Service and targets each Service's nodePort"), which kube-proxy forwards to a ready pod
 * anywhere in the cluster, so every node answers.
 */
export function aksProbeTableRows(s: AksProbeScenario): ProbeRow[] {
  const rotation = nodesInRotation(s);
  return s.backends.map((node, i) => ({
    service: 'aks',
    src: lbProbeSource(node),
    dst: socketAddress(node, s.etp === 'local' ? s.hcport : s.nport),
    target: node.text,
    interval: AKS_PROBE_INTERVAL,
    healthy: s.etp === 'local' ? '200' : 'tcp',
    ...(rotation.includes(i + 1) ? {} : { fails: 'probe.aks.no-pod' }),
  }));
}

/**
 * The Service's rules: every pod runs on a listed node, `ppick` names a listed pod, pods share the
 * nodes' IP version; with `Local`, `pick` names a node in rotation and the pod is on that node.
 */
export function checkAks(s: Pick<AksScenario, 'etp' | 'pods' | 'ppick' | 'backends' | 'pick'>): ParamError[] {
  const errors = checkPodNodes(s);
  if (s.pods.some((pod) => pod.ip.family !== s.backends[0]!.family))
    errors.push({ param: 'pods', rule: { code: 'same-family', other: 'backends' } });
  if (s.ppick > s.pods.length) errors.push({ param: 'ppick', rule: { code: 'at-most', max: s.pods.length, other: 'pods' } });
  if (errors.length > 0 || s.pick > s.backends.length) return errors;
  if (s.etp === 'local') {
    const rotation = nodesInRotation(s);
    if (!rotation.includes(s.pick)) errors.push({ param: 'pick', rule: { code: 'aks-node-out', nodes: rotation.join(', ') } });
    else if (s.pods[s.ppick - 1]!.node !== s.pick) errors.push({ param: 'ppick', rule: { code: 'aks-pod-elsewhere', node: s.pick } });
  }
  return errors;
}

function crossCheck(s: AksScenario): ParamError[] {
  const errors = checkLbFamilies(s);
  if (s.pick > s.backends.length) errors.push({ param: 'pick', rule: { code: 'at-most', max: s.backends.length, other: 'backends' } });
  return [...errors, ...checkAks(s)];
}

export function readAksScenario(raw: RawParams): ScenarioResult<AksScenario> {
  return readScenario(raw, aksParams, crossCheck);
}

/**
 * On the node: the packet the Load Balancer delivered (`front`, the node or, with Floating IP, the
 * frontend address) goes to the chosen pod. With `Cluster` the node also translates the source to
 * its own address, so the reply comes back through it (the port shown is the arriving one, kept
 * where it is free: an example); with `Local` the source stays as it arrived.
 */
export function aksStage(
  { flow, front }: StageInput,
  c: AksSettings & { readonly backends: readonly Ip[]; readonly pick: number },
): StageOutput {
  const node = c.backends[c.pick - 1]!;
  const pod = c.pods[c.ppick - 1]!;
  const podAddress = socketAddress(pod.ip, c.tport);
  const snat = c.etp === 'cluster';
  const from: SocketAddress = snat ? socketAddress(node, flow.from.port) : flow.from;
  const elsewhere = pod.node !== c.pick;
  const packets: Packets = {
    requestIn: { n: 1, from: 'client', to: 'node', src: flow.from, dst: front, note: 'aks-at-node', session: 1 },
    requestOut: {
      n: 2,
      from: 'node',
      to: 'backend',
      src: from,
      dst: podAddress,
      note: snat ? (elsewhere ? 'aks-snat-other-node' : 'aks-snat-local') : 'aks-local',
      session: 1,
    },
    replyIn: {
      n: 3,
      from: 'backend',
      to: 'node',
      src: podAddress,
      dst: from,
      note: snat ? 'aks-reply-node' : 'aks-reply-client',
      session: 1,
    },
    replyOut: { n: 4, from: 'node', to: 'client', src: front, dst: flow.from, note: 'aks-reply-out', session: 1 },
  };
  return { packets, next: snat ? { ...flow, from, name: node.text } : flow };
}

/** The six packets of one flow: client → Load Balancer → node → pod, and back. */
export function aksHops(s: AksScenario): Hop[] {
  const lb = loadBalancerPackets(s);
  const node = aksStage(
    {
      flow: { from: socketAddress(s.client, s.cport), name: s.client.text, xff: [], cert: 'yes' },
      front: lb.requestOut.dst,
      target: lb.requestOut.dst,
    },
    s,
  ).packets;
  // On its own page the backend is named for what it is: a pod behind a node.
  const hops = [
    lb.requestIn,
    { ...lb.requestOut, to: 'node' },
    { ...node.requestOut, to: 'pod' },
    { ...node.replyIn, from: 'pod' },
    { ...lb.replyIn, from: 'node' },
    lb.replyOut,
  ];
  return hops.map((hop, i) => ({ ...hop, n: i + 1 }));
}

type AksStageSettings = AksSettings & { readonly backends: readonly Ip[]; readonly pick: number };

export const aksService: ServiceModule<AksProbeScenario, 'aks'> = {
  id: 'aks',
  probe: {
    // One pod, on the first node: the page's node list may shrink to one node and stay valid, and
    // with Local the second node shows a failing probe. The probe rows read only where pods run.
    params: { backends, etp, pods: withDefault(pods, '10.244.0.7@1'), hcport, nport },
    check: checkPodNodes,
    rows: aksProbeTableRows,
    target: 'node',
    notes: ['probe.aks'],
  },
  stages: [
    {
      key: 'aks',
      kind: 'kubernetes',
      // The Service's nodes are the Load Balancer's backends: it stands right after one.
      follows: ['balancer'],
      // Nobody addresses the node itself: the Load Balancer's rule delivers the packet to it.
      frontend: 'routed',
      source: (s) => (s.etp === 'cluster' ? 'own' : 'kept'),
      // With Cluster the pod sees the node that forwarded the packet: one of the Load Balancer's backends.
      sourceRole: () => ({ role: 'aks-node', param: 'backends' }),
      params: aksSettingsParams,
      check: (s) => checkAks(s),
      occupies: (s) => [{ param: 'pods', ips: s.pods.map((pod) => pod.ip) }],
      run: (input, s) => aksStage(input, s),
      // The nodes' NSG lets in what the Load Balancer delivers (its probes are allowed by the NSG's
      // default rule AllowAzureLoadBalancerInBound).
      nsg: { place: 'aks-nodes', destination: (s) => s.backends.map((node) => node.text).join(', '), reason: 'client-data', platform: [] },
    } satisfies DataStage<AksStageSettings>,
  ],
};
