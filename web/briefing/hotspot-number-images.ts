/**
 * Paints the hotspot map's numbered markers (a red disc, a white ring, the number in white) and
 * registers them with the map. A symbol layer with text would need glyphs from a server; images
 * painted here need nothing, and end up in the map's canvas, so they print with it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import { numberImageId } from './briefing-map.ts'

const SIZE = 24
/** Painted at 3×, so the numbers stay sharp in a PDF printed at high resolution. */
const PIXEL_RATIO = 3
export const MARKER_FILL = '#d92d3a'

function paintNumber(no: number): ImageData | null {
  const px = SIZE * PIXEL_RATIO
  const canvas = document.createElement('canvas')
  canvas.width = px
  canvas.height = px
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO)
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
  return ctx.getImageData(0, 0, px, px)
}

/** Adds the images for markers 1 to `count` the map does not have yet. */
export function addNumberImages(m: MapLibreMap, count: number): void {
  for (let no = 1; no <= count; no++) {
    const id = numberImageId(no)
    if (m.hasImage(id)) continue
    const image = paintNumber(no)
    if (image) m.addImage(id, image, { pixelRatio: PIXEL_RATIO })
  }
}
