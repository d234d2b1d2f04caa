/// <reference types="astro/client" />

// For the TypeScript files of the site (the type check does not read .astro files themselves).
declare module '*.astro' {
  const component: (props: object) => unknown;
  export default component;
}
