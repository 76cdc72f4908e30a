type VegaModule = typeof import("vega");
type VegaLiteModule = typeof import("vega-lite");

export interface VegaModules {
  vega: VegaModule;
  vegaLite: VegaLiteModule;
}

let loading: Promise<VegaModules> | undefined;

/**
 * vega and vega-lite are ESM-only, and vega-canvas (under both) uses top-level await, which
 * require(esm) refuses: they must be loaded with import(), once, and only when a chart is drawn.
 */
export function loadVega(): Promise<VegaModules> {
  loading ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return loading;
}
