/**
 * The demo's camera snapshots: an SVG still drawn from the camera and detection ids, so the wall has
 * a real picture to show without a video platform. The scene follows where the camera hangs (a park,
 * a street crossing, a gate), with the dog where the detection's box says. The camera's name, the time
 * and what was detected are burned in as an on-screen display; the box itself is not, because the
 * wall draws it from the detection's `bbox` over any platform's raw frame (drawn twice, the two boxes
 * would sit on each other). The same ids always draw the same picture.
 *
 * Every piece of text goes through `escapeXml`, and numbers are formatted here, so nothing the
 * request carried can open markup.
 */
import type { Bbox } from '../../domain/detection-frame.ts'
import type { CameraSiteKind } from '../../domain/cameras.ts'
import { createRandom, type Random } from '../../geo/index.ts'
import { escapeXml } from './escape-xml.ts'

export const SNAPSHOT_WIDTH = 640
export const SNAPSHOT_HEIGHT = 360

export interface SnapshotScene {
  cameraId: string
  cameraName: string
  siteKind: CameraSiteKind
  detectionId: string
  /** The detection's label, e.g. `犬类未系绳`. */
  label?: string
  confidence?: number
  /** ISO-8601; shown in Beijing time (UTC+8), as Chinese platforms burn it in. */
  at?: string
  bbox: Bbox
}

const W = SNAPSHOT_WIDTH
const H = SNAPSHOT_HEIGHT
const FONT = `font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif"`

/**
 * A box from the ids alone, for a snapshot URL that carries none: the lower half of the frame, where
 * dogs are, and never off it.
 *
 * @example
 * defaultBbox('CAM-510108001-0001', 'd-1') // e.g. [0.41, 0.58, 0.17, 0.22]
 */
export function defaultBbox(cameraId: string, detectionId: string): Bbox {
  const rng = createRandom(`${cameraId}|${detectionId}`).fork('bbox')
  const w = round3(rng.range(0.1, 0.22))
  const h = round3(w * rng.range(1.1, 1.5))
  return [round3(rng.range(0.05, 0.95 - w)), round3(rng.range(0.45, 0.97 - h)), w, h]
}

/**
 * @example
 * renderSnapshotSvg({ cameraId: 'CAM-510108001-0001', cameraName: '新华路公园东门', siteKind: 'park',
 *   detectionId: 'd-1', label: '犬类未系绳', confidence: 0.87, at: '2025-05-01T06:03:22Z', bbox: [0.4, 0.55, 0.15, 0.2] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" …>…</svg>'
 */
export function renderSnapshotSvg(scene: SnapshotScene): string {
  // The place looks the same in every snapshot of one camera; the light changes with the detection.
  const place = createRandom(scene.cameraId).fork('scene')
  const moment = createRandom(`${scene.cameraId}|${scene.detectionId}`).fork('moment')
  const dusk = moment.next() < 0.25
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(`${scene.cameraName} 抓拍`)}">`,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${dusk ? '#3b3f6b' : '#9cc8e8'}"/><stop offset="1" stop-color="${dusk ? '#c98a6b' : '#dceaf3'}"/></linearGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>`,
    // Only our own drawing is rounded; text from the request is left exactly as it came (escaped).
    ...[...sceneFor(scene.siteKind, place), ...dogIn(scene.bbox, scene.label?.includes('流浪') ? '#8a6a45' : '#5b4632', moment)].map(tidyNumbers),
    ...overlay(scene),
    // Slight sensor noise and vignetting: a camera frame, not a drawing.
    `<rect width="${W}" height="${H}" fill="${dusk ? '#10122a' : '#000'}" opacity="${dusk ? 0.25 : 0.06}"/>`,
    '</svg>',
  ]
  return parts.join('')
}

function sceneFor(kind: CameraSiteKind, rng: Random): string[] {
  switch (kind) {
    case 'park':
      return park(rng)
    case 'street':
      return street(rng)
    default:
      return gate(kind, rng)
  }
}

function park(rng: Random): string[] {
  const out = [
    `<rect y="${H * 0.38}" width="${W}" height="${H * 0.62}" fill="#7fae5a"/>`,
    `<path d="M ${rng.int(180, 320)} ${H} C ${rng.int(240, 360)} ${H * 0.7}, ${rng.int(300, 420)} ${H * 0.55}, ${rng.int(380, 460)} ${H * 0.38} L ${rng.int(470, 520)} ${H * 0.38} C ${rng.int(440, 500)} ${H * 0.6}, ${rng.int(420, 520)} ${H * 0.8}, ${rng.int(500, 600)} ${H} Z" fill="#d8c9a3"/>`,
  ]
  // Far tree line, then a few near trees.
  for (let x = -20; x < W; x += rng.int(28, 46)) out.push(`<circle cx="${x}" cy="${H * 0.38}" r="${rng.int(18, 30)}" fill="#4f7d3a"/>`)
  for (let i = 0; i < rng.int(3, 5); i++) {
    const x = rng.int(20, W - 20)
    const y = rng.int(Math.round(H * 0.45), Math.round(H * 0.62))
    const s = (y / H) * 1.6
    out.push(`<rect x="${x - 4 * s}" y="${y - 40 * s}" width="${8 * s}" height="${40 * s}" fill="#6b4d2e"/>`, `<circle cx="${x}" cy="${y - 52 * s}" r="${26 * s}" fill="#3f6e2c"/>`)
  }
  const bx = rng.int(40, 200)
  out.push(`<rect x="${bx}" y="${H * 0.72}" width="70" height="8" fill="#8b5a2b"/><rect x="${bx + 6}" y="${H * 0.72 + 8}" width="5" height="14" fill="#444"/><rect x="${bx + 59}" y="${H * 0.72 + 8}" width="5" height="14" fill="#444"/>`)
  return out
}

function street(rng: Random): string[] {
  const out: string[] = []
  for (let x = 0; x < W; ) {
    const w = rng.int(60, 120)
    const h = rng.int(70, 150)
    const top = H * 0.45 - h
    out.push(`<rect x="${x}" y="${top}" width="${w - 4}" height="${h}" fill="${rng.pick(['#b8b2a7', '#a9b4bf', '#c9bfae', '#9fa8a3'])}"/>`)
    for (let wy = top + 10; wy < H * 0.45 - 14; wy += 18) {
      for (let wx = x + 8; wx < x + w - 16; wx += 16) out.push(`<rect x="${wx}" y="${wy}" width="8" height="10" fill="#6d7f8f" opacity="0.8"/>`)
    }
    x += w
  }
  out.push(
    `<rect y="${H * 0.45}" width="${W}" height="${H * 0.1}" fill="#c4c0b8"/>`,
    `<rect y="${H * 0.55}" width="${W}" height="${H * 0.45}" fill="#55595e"/>`,
  )
  for (let x = 10; x < W; x += 60) out.push(`<rect x="${x}" y="${H * 0.76}" width="34" height="5" fill="#f2f2f2"/>`)
  for (let x = rng.int(80, 400), i = 0; i < 8; i++) out.push(`<rect x="${x + i * 22}" y="${H * 0.56}" width="12" height="${H * 0.16}" fill="#e9e9e9" opacity="0.85"/>`)
  const cx = rng.int(20, W - 140)
  out.push(`<rect x="${cx}" y="${H * 0.8}" width="120" height="40" rx="8" fill="${rng.pick(['#c0392b', '#2c3e50', '#ecf0f1', '#16a085'])}"/><circle cx="${cx + 25}" cy="${H * 0.8 + 42}" r="10" fill="#222"/><circle cx="${cx + 95}" cy="${H * 0.8 + 42}" r="10" fill="#222"/>`)
  return out
}

const GATE_SIGNS: Record<string, string> = { compound_gate: '小区', school: '学校', market: '农贸市场' }

function gate(kind: CameraSiteKind, rng: Random): string[] {
  const out: string[] = []
  for (let i = 0; i < 4; i++) {
    const x = i * 170 + rng.int(-10, 10)
    const h = rng.int(90, 150)
    out.push(`<rect x="${x}" y="${H * 0.42 - h}" width="140" height="${h}" fill="${rng.pick(['#d9cbb5', '#c8c3bb', '#e0d6c8'])}"/>`)
    for (let wy = H * 0.42 - h + 12; wy < H * 0.42 - 16; wy += 20) out.push(`<rect x="${x + 12}" y="${wy}" width="116" height="8" fill="#7d8b96" opacity="0.7"/>`)
  }
  const gx = rng.int(200, 320)
  out.push(
    `<rect y="${H * 0.42}" width="${W}" height="${H * 0.58}" fill="#b9b4aa"/>`,
    `<rect y="${H * 0.32}" width="${gx}" height="${H * 0.12}" fill="#9c7a5b"/>`,
    `<rect x="${gx + 160}" y="${H * 0.32}" width="${W - gx - 160}" height="${H * 0.12}" fill="#9c7a5b"/>`,
    `<rect x="${gx - 12}" y="${H * 0.2}" width="16" height="${H * 0.26}" fill="#7a5c40"/>`,
    `<rect x="${gx + 156}" y="${H * 0.2}" width="16" height="${H * 0.26}" fill="#7a5c40"/>`,
    `<rect x="${gx - 12}" y="${H * 0.14}" width="184" height="26" fill="#a4262c"/>`,
    `<text x="${gx + 80}" y="${H * 0.14 + 19}" ${FONT} font-size="16" fill="#ffd86b" text-anchor="middle">${escapeXml(GATE_SIGNS[kind] ?? '')}</text>`,
    `<rect x="${gx + 4}" y="${H * 0.4}" width="152" height="6" fill="#e8c547"/>`,
  )
  return out
}

/** A dog, drawn to fill most of its box: body, head, legs and, off the leash, no lead. */
function dogIn([x, y, w, h]: Bbox, colour: string, rng: Random): string[] {
  const bx = x * W
  const by = y * H
  const bw = w * W
  const bh = h * H
  const facing = rng.next() < 0.5 ? 1 : -1
  const cx = bx + bw / 2
  const bodyY = by + bh * 0.5
  const headX = cx + facing * bw * 0.32
  const legTop = bodyY + bh * 0.12
  const legs = [-0.28, -0.12, 0.12, 0.28].map((k) => `<rect x="${cx + k * bw - bw * 0.03}" y="${legTop}" width="${bw * 0.06}" height="${by + bh * 0.95 - legTop}" fill="${colour}"/>`)
  return [
    `<g>`,
    `<ellipse cx="${cx}" cy="${bodyY}" rx="${bw * 0.34}" ry="${bh * 0.17}" fill="${colour}"/>`,
    ...legs,
    `<circle cx="${headX}" cy="${by + bh * 0.28}" r="${Math.min(bw, bh) * 0.16}" fill="${colour}"/>`,
    `<path d="M ${cx - facing * bw * 0.32} ${bodyY - bh * 0.05} q ${-facing * bw * 0.1} ${-bh * 0.2} ${-facing * bw * 0.12} ${-bh * 0.28}" stroke="${colour}" stroke-width="${Math.max(2, bw * 0.04)}" fill="none"/>`,
    `</g>`,
  ]
}

function overlay(scene: SnapshotScene): string[] {
  const shadow = 'stroke="#000" stroke-width="3" paint-order="stroke"'
  return [
    `<text x="12" y="24" ${FONT} font-size="16" fill="#fff" ${shadow}>${escapeXml(scene.cameraName)}</text>`,
    `<text x="12" y="44" font-family="monospace" font-size="12" fill="#fff" ${shadow}>${escapeXml(scene.cameraId)}</text>`,
    scene.at ? `<text x="${W - 12}" y="24" font-family="monospace" font-size="15" fill="#fff" text-anchor="end" ${shadow}>${escapeXml(beijingTime(scene.at))}</text>` : '',
    `<text x="12" y="${H - 12}" ${FONT} font-size="12" fill="#fff" ${shadow}>${escapeXml(`AI识别 · ${detected(scene)} · 演示抓拍 · ${scene.detectionId.slice(0, 48)}`)}</text>`,
  ]
}

/** `2025-05-01 14:03:22` in UTC+8; an unparseable value is shown as given (escaped by the caller). */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/** `20.19999999999999` → `20.2`: floating-point noise in coordinates only bloats the picture. */
const tidyNumbers = (markup: string) => markup.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
const round3 = (v: number) => Math.round(v * 1000) / 1000

/** `犬类未系绳 87%`: what the platform saw, and how sure it was. */
function detected(scene: SnapshotScene): string {
  return [scene.label ?? '目标', scene.confidence === undefined ? '' : `${Math.round(scene.confidence * 100)}%`].filter(Boolean).join(' ')
}
