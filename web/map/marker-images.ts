/**
 * Paints each marker kind's icon (the same SVG paths the panels draw) onto a canvas and registers
 * it with the map. Painted at 3× so the icons stay sharp on a wall scaled up to 4K.
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import { ICON_PATHS, MARKER_KINDS, MARKER_STYLES } from '../feed/source-style.ts'
import { markerImageId } from './event-markers.ts'
import { addPaintedImage } from './painted-image.ts'

const ICON_BOX = 24
const PIXEL_RATIO = 3
/** Dark strokes on the dot's bright fill, like the severity chips' text. */
const GLYPH_COLOR = '#04121f'

function paintIcon(ctx: CanvasRenderingContext2D, paths: readonly string[]): void {
  ctx.strokeStyle = GLYPH_COLOR
  ctx.lineWidth = 2.4
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  for (const d of paths) ctx.stroke(new Path2D(d))
}

/** Adds every marker kind's image the map does not have yet (a restyle drops them). */
export function addMarkerImages(m: MapLibreMap): void {
  for (const kind of MARKER_KINDS) {
    addPaintedImage(m, markerImageId(kind), ICON_BOX, PIXEL_RATIO, (ctx) => paintIcon(ctx, ICON_PATHS[MARKER_STYLES[kind].icon]))
  }
}
