/**
 * Paints the hotspot map's numbered markers (a red disc, a white ring, the number in white) and
 * registers them with the map. A symbol layer with text would need glyphs from a server; images
 * painted here need nothing, and end up in the map's canvas, so they print with it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import { addPaintedImage } from '../map/painted-image.ts'
import { numberImageId } from './briefing-map.ts'

const SIZE = 24
/** Painted at 3×, so the numbers stay sharp in a PDF printed at high resolution. */
const PIXEL_RATIO = 3
export const MARKER_FILL = '#d92d3a'

function paintNumber(ctx: CanvasRenderingContext2D, no: number): void {
  ctx.beginPath()
  ctx.arc(SIZE / 2, SIZE / 2, SIZE / 2 - 1.5, 0, Math.PI * 2)
  ctx.fillStyle = MARKER_FILL
  ctx.fill()
  ctx.lineWidth = 2
  ctx.strokeStyle = '#ffffff'
  ctx.stroke()
  ctx.fillStyle = '#ffffff'
  ctx.font = `bold ${no >= 10 ? 11 : 13}px sans-serif`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(String(no), SIZE / 2, SIZE / 2 + 0.5)
}

/** Adds the images for markers 1 to `count` the map does not have yet. */
export function addNumberImages(m: MapLibreMap, count: number): void {
  for (let no = 1; no <= count; no++) addPaintedImage(m, numberImageId(no), SIZE, PIXEL_RATIO, (ctx) => paintNumber(ctx, no))
}
