/**
 * Registers an image painted on a canvas with a map, unless the map has it already (a restyle drops
 * them). Painted images need no sprite, so the map stays offline, and end up in the map's canvas.
 *
 * `paint` draws in logical pixels on a square of `box` of them; the canvas holds `pixelRatio` device
 * pixels for each, so the image stays sharp on a wall scaled up to 4K or in a PDF read zoomed in.
 *
 * @example
 * addPaintedImage(map, 'dot', 16, 3, (ctx) => {
 *   ctx.arc(8, 8, 6, 0, Math.PI * 2)
 *   ctx.fill()
 * })
 */
import type { Map as MapLibreMap } from 'maplibre-gl'

export function addPaintedImage(
  m: MapLibreMap,
  id: string,
  box: number,
  pixelRatio: number,
  paint: (ctx: CanvasRenderingContext2D) => void,
): void {
  if (m.hasImage(id)) return
  const size = box * pixelRatio
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const ctx = canvas.getContext('2d')
  if (!ctx) return
  ctx.scale(pixelRatio, pixelRatio)
  paint(ctx)
  m.addImage(id, ctx.getImageData(0, 0, size, size), { pixelRatio })
}
