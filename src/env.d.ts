/// <reference types="astro/client" />

// `tsc` does not read .astro files; this lets plain TypeScript import them (the barrel does).
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
