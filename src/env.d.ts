/// <reference types="astro/client" />

// `tsc` does not read .astro files; this lets plain TypeScript import them (the barrel does).
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

declare namespace App {
  interface Locals {
    /** Explorer ids already used while rendering this page (see components/Explorer.astro). */
    atpExplorerIds?: Set<string>;
    /** Set by components/PrintGuide.astro: explorers on this page are fixed examples. */
    atpStaticExplorers?: boolean;
  }
}
