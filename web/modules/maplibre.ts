/**
 * MapLibre's global configuration: its stylesheet, and where its web worker lives. The library
 * would look for the worker next to its own module file, which bundling moves, so the worker is
 * emitted as a same-origin asset and its URL set here (a same-origin URL also satisfies a strict
 * Content-Security-Policy, where a blob: worker would not).
 */
import 'maplibre-gl/dist/maplibre-gl.css'
import { setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { AppModule } from './types.ts'

export const install: AppModule = () => {
  setWorkerUrl(workerUrl)
}
