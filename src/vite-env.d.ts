/// <reference types="vite/client" />

/** The built-in scenarios' library cards, worked out at build time (scripts/scenario-catalog-plugin.ts). */
declare module 'virtual:scenario-catalog' {
  export const catalog: readonly import('./ui/catalog-entry.ts').CatalogEntry[];
}
