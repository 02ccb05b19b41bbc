/**
 * The demo's detection snapshots: `GET /api/v1/snapshots/:cameraId/:detectionId.svg` draws a still
 * of the camera's scene with the detection's box, label, time and camera name burned in (see
 * `cameras/snapshot-svg.ts`), determined by the URL alone. No token: an `<img>` cannot send one, and
 * the picture shows nothing the registry does not already name.
 *
 * `….clip` is a stand-in, and says so: there is no video platform behind the demo, so the "clip" is a
 * page with the same still frame. A real deployment points `clipUrl` at its video platform instead.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DetectionKind } from '../../domain/cameras.ts'
import { bboxProblem, type Bbox } from '../../domain/detection-frame.ts'
import { Timestamp } from '../../domain/event.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import { escapeXml } from '../cameras/escape-xml.ts'
import { defaultBbox, renderSnapshotSvg, beijingTime } from '../cameras/snapshot-svg.ts'
import { snapshotUrls } from '../cameras/snapshot-url.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'

const Query = Type.Object({
  kind: Type.Optional(DetectionKind),
  at: Type.Optional(Timestamp),
  bbox: Type.Optional(Type.String({ maxLength: 80, pattern: '^\\d*\\.?\\d+(,\\d*\\.?\\d+){3}$', description: 'x,y,w,h as fractions of the frame' })),
  confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
})

const Params = Type.Object({
  cameraId: Type.String({ minLength: 1, maxLength: 64 }),
  file: Type.String({ minLength: 5, maxLength: 200, pattern: '\\.(svg|clip)$', description: '`<detectionId>.svg` or `<detectionId>.clip`' }),
})

/** An SVG opened as a page is a document: no script, no outside fetch, whatever it contained. */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'"
/** Same URL, same picture: browsers and the wall may keep it. */
const CACHE = 'public, max-age=86400, immutable'

const snapshots: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/v1/snapshots/:cameraId/:file',
    {
      schema: {
        tags: ['cameras'],
        summary: 'A generated detection snapshot (SVG) or its clip stand-in page (demo)',
        params: Params,
        querystring: Query,
        response: { 200: Type.String({ description: 'image/svg+xml, or text/html for `.clip`' }), 400: ErrorReply, 404: ErrorReply },
      },
    },
    async (request, reply) => {
      const { cameraId, file } = request.params
      const camera = fastify.cameras.get(cameraId)
      if (!camera) throw httpError(404, `no camera ${cameraId}`)
      const clip = file.endsWith('.clip')
      const detectionId = file.slice(0, file.lastIndexOf('.'))
      if (detectionId === '') throw httpError(400, 'the detection id is empty')
      const { kind, at, confidence } = request.query
      let bbox: Bbox
      if (request.query.bbox === undefined) bbox = defaultBbox(cameraId, detectionId)
      else {
        bbox = request.query.bbox.split(',').map(Number) as Bbox
        const problem = bbox.some((v) => v > 1) ? 'bbox values must be fractions of the frame (0–1)' : bboxProblem(bbox)
        if (problem) throw httpError(400, problem)
      }
      const label = kind === undefined ? undefined : findCategory('detection', kind)?.zh
      if (clip) {
        const { snapshotUrl } = snapshotUrls({ cameraId, detectionId, kind, at, bbox: request.query.bbox === undefined ? undefined : bbox, confidence })
        return reply.header('cache-control', CACHE).type('text/html; charset=utf-8').send(clipPage(camera.name, label, at, snapshotUrl))
      }
      const svg = renderSnapshotSvg({ cameraId, cameraName: camera.name, siteKind: camera.siteKind, detectionId, label, confidence, at, bbox })
      return reply.header('cache-control', CACHE).header('content-security-policy', SVG_CSP).type('image/svg+xml; charset=utf-8').send(svg)
    },
  )
}

/** The clip stand-in: the still frame, and a plain statement that no video exists in the demo. */
function clipPage(cameraName: string, label: string | undefined, at: string | undefined, snapshotUrl: string): string {
  const title = `${cameraName}${label ? ` · ${label}` : ''}`
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeXml(title)}</title>`,
    '<style>body{margin:0;background:#0b1220;color:#dfe7f2;font-family:sans-serif;display:flex;flex-direction:column;align-items:center;gap:12px;padding:24px}img{max-width:100%;border:1px solid #2b3a55}p{opacity:.8}</style>',
    '</head><body>',
    `<h1>${escapeXml(title)}</h1>`,
    at ? `<p>${escapeXml(beijingTime(at))}</p>` : '',
    `<img src="${escapeXml(snapshotUrl)}" alt="${escapeXml(title)}" width="640" height="360">`,
    '<p>演示环境没有视频平台：此处以抓拍静帧代替录像片段。 (Demo: a still frame stands in for the clip; no video platform is connected.)</p>',
    '</body></html>',
  ].join('')
}

export default snapshots
