/**
 * Paints the dispatch overlay's images onto canvases and registers them with the map (no sprite
 * needed, so the map stays offline): an SLA ring per state and step (a faint track with the time
 * left drawn clockwise from the top) and a diamond per unit status. Painted at 3× for a 4K wall.
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import { UNIT_STATUSES } from '../../domain/units.ts'
import { UNIT_COLORS, unitImageId } from './dispatch-style.ts'
import { addPaintedImage } from './painted-image.ts'
import { RING_STEPS, ringImageId, SLA_COLORS, type SlaState } from './sla-ring.ts'

const PIXEL_RATIO = 3
/** Logical size of a ring image: it surrounds an event dot of radius up to 13.5 px. */
const RING_BOX = 44
const RING_RADIUS = 17
const RING_WIDTH = 4
const UNIT_BOX = 16

function paintRing(ctx: CanvasRenderingContext2D, state: SlaState, step: number): void {
  const mid = RING_BOX / 2
  ctx.lineWidth = RING_WIDTH
  // A dark rim under everything keeps the ring legible over bright street fills.
  ctx.strokeStyle = 'rgba(2, 10, 24, 0.85)'
  ctx.lineWidth = RING_WIDTH + 2.5
  ctx.beginPath()
  ctx.arc(mid, mid, RING_RADIUS, 0, Math.PI * 2)
  ctx.stroke()
  ctx.lineWidth = RING_WIDTH
  ctx.strokeStyle = 'rgba(160, 190, 220, 0.28)'
  ctx.beginPath()
  ctx.arc(mid, mid, RING_RADIUS, 0, Math.PI * 2)
  ctx.stroke()
  if (step > 0) {
    ctx.strokeStyle = SLA_COLORS[state]
    ctx.lineCap = step < RING_STEPS ? 'round' : 'butt'
    ctx.beginPath()
    const start = -Math.PI / 2
    ctx.arc(mid, mid, RING_RADIUS, start, start + (Math.PI * 2 * step) / RING_STEPS)
    ctx.stroke()
  }
}

function paintDiamond(ctx: CanvasRenderingContext2D, color: string): void {
  const m = UNIT_BOX / 2
  const r = m - 2
  ctx.beginPath()
  ctx.moveTo(m, m - r)
  ctx.lineTo(m + r, m)
  ctx.lineTo(m, m + r)
  ctx.lineTo(m - r, m)
  ctx.closePath()
  ctx.fillStyle = color
  ctx.fill()
  ctx.lineWidth = 1.6
  ctx.strokeStyle = '#04121f'
  ctx.stroke()
}

/** Adds every image the map does not have yet (a restyle drops them). */
export function addDispatchImages(m: MapLibreMap): void {
  const ring = (state: SlaState, step: number) =>
    addPaintedImage(m, ringImageId(state, step), RING_BOX, PIXEL_RATIO, (ctx) => paintRing(ctx, state, step))
  for (const state of ['ok', 'warn'] as const) {
    for (let step = 0; step <= RING_STEPS; step++) ring(state, step)
  }
  ring('late', RING_STEPS)
  for (const status of UNIT_STATUSES) addPaintedImage(m, unitImageId(status), UNIT_BOX, PIXEL_RATIO, (ctx) => paintDiamond(ctx, UNIT_COLORS[status]))
}
