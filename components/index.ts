// The one module MDX pages import components from.
export { default as Explorer } from './Explorer.astro';
export { default as FailoverComparison } from './FailoverComparison.astro';
export { default as NsgRules } from './NsgRules.astro';
export { default as CompareMatrix } from './CompareMatrix.astro';
export { default as ChainEditor } from './ChainEditor.astro';
export { default as RoutesEditor } from './RoutesEditor.astro';
export { default as StagePlaces } from './StagePlaces.astro';
