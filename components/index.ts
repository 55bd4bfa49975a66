// The one module MDX pages import components from.
export { default as Explorer } from './Explorer.astro';
export { default as LoadBalancerExplorer } from './LoadBalancerExplorer.astro';
export { default as ApplicationGatewayExplorer } from './ApplicationGatewayExplorer.astro';
export { default as ClientCertificateExplorer } from './ClientCertificateExplorer.astro';
export { default as TrafficManagerExplorer } from './TrafficManagerExplorer.astro';
export { default as FailoverExplorer } from './FailoverExplorer.astro';
export { default as FailoverComparison } from './FailoverComparison.astro';
export { default as HealthProbesExplorer } from './HealthProbesExplorer.astro';
export { default as NsgRules } from './NsgRules.astro';
export { default as CompareMatrix } from './CompareMatrix.astro';
