/**
 * Paints the dispatch overlay's images onto canvases and registers them with the map (no sprite
 * needed, so the map stays offline): an SLA ring per state and step (a faint track with the time
 * left drawn clockwise from the top) and a diamond per unit status. Painted at 3× for a 4K wall.
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import { UNIT_STATUSES } from '../../domain/units.ts'
import { UNIT_COLORS, unitImageId } from './dispatch-style.ts'
import { RING_STEPS, ringImageId, SLA_COLORS, type SlaState } from './sla-ring.ts'

const PIXEL_RATIO = 3
/** Logical size of a ring image: it surrounds an event dot of radius up to 13.5 px. */
const RING_BOX = 44
const RING_RADIUS = 17
const RING_WIDTH = 4
const UNIT_BOX = 16

function canvas2d(box: number): CanvasRenderingContext2D | null {
  const c = document.createElement('canvas')
  c.width = c.height = box * PIXEL_RATIO
  const ctx = c.getContext('2d')
  ctx?.scale(PIXEL_RATIO, PIXEL_RATIO)
  return ctx
}

function paintRing(state: SlaState, step: number): ImageData | null {
  const ctx = canvas2d(RING_BOX)
  if (!ctx) return null
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
  return ctx.getImageData(0, 0, RING_BOX * PIXEL_RATIO, RING_BOX * PIXEL_RATIO)
}

function paintDiamond(color: string): ImageData | null {
  const ctx = canvas2d(UNIT_BOX)
  if (!ctx) return null
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
  return ctx.getImageData(0, 0, UNIT_BOX * PIXEL_RATIO, UNIT_BOX * PIXEL_RATIO)
}

/** Adds every image the map does not have yet (a restyle drops them). */
export function addDispatchImages(m: MapLibreMap): void {
  const add = (id: string, paint: () => ImageData | null) => {
    if (m.hasImage(id)) return
    const image = paint()
    if (image) m.addImage(id, image, { pixelRatio: PIXEL_RATIO })
  }
  for (const state of ['ok', 'warn'] as const) {
    for (let step = 0; step <= RING_STEPS; step++) add(ringImageId(state, step), () => paintRing(state, step))
  }
  add(ringImageId('late', RING_STEPS), () => paintRing('late', RING_STEPS))
  for (const status of UNIT_STATUSES) add(unitImageId(status), () => paintDiamond(UNIT_COLORS[status]))
}
