/** Reads the MapLibre map a page exposes to tests (`window.__gridwatchMap`, web/composables/use-map.ts). */
import type { Page } from 'playwright-core'

interface RenderedMap {
  getLayer(id: string): unknown
  queryRenderedFeatures(o: { layers: string[] }): Array<{ properties: Record<string, unknown> }>
}

/** The properties of the features MapLibre has drawn in `layer` (none when the layer is absent). */
export function renderedProperties(page: Page, layer: string): Promise<Array<Record<string, unknown>>> {
  return page.evaluate((l) => {
    const map = (window as unknown as { __gridwatchMap: RenderedMap }).__gridwatchMap
    if (!map.getLayer(l)) return []
    return map.queryRenderedFeatures({ layers: [l] }).map((f) => f.properties)
  }, layer)
}

/** One property (an id, as text) of each feature drawn in `layer`. */
export async function renderedValues(page: Page, layer: string, prop: string): Promise<string[]> {
  return (await renderedProperties(page, layer)).map((p) => String(p[prop]))
}
