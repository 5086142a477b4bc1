/**
 * `import()` of a JavaScript config file by URL. The CLI's bundle runs in a
 * `vm.Script` (see scripts/bin-loader.js), which cannot `import()` by
 * itself: there scripts/bundle.mjs replaces this module with one that asks
 * the loader to import.
 */
export function importModule(href: string): Promise<unknown> {
  return import(href)
}
