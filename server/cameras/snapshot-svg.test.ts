import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { bboxProblem } from '../../domain/detection-frame.ts'
import { CAMERA_SITE_KINDS } from '../../domain/cameras.ts'
import { escapeXml } from './escape-xml.ts'
import { beijingTime, defaultBbox, renderSnapshotSvg } from './snapshot-svg.ts'
import { snapshotUrls } from './snapshot-url.ts'

const HOSTILE = `"><script>alert('x')</script><![CDATA[ & \u0000\u0007\uFFFF\uD800 <svg onload=alert(1)>`

describe('escapeXml', () => {
  it('escapes markup and quotes, and replaces what XML 1.0 cannot carry', () => {
    expect(escapeXml(`<b>"猛追湾" & 'co'</b>`)).toBe('&lt;b&gt;&quot;猛追湾&quot; &amp; &#39;co&#39;&lt;/b&gt;')
    expect(escapeXml('a\u0000b\u0008c\td\ne')).toBe('a\uFFFDb\uFFFDc\td\ne')
    // A lone surrogate is replaced; a pair (an emoji) is kept.
    expect(escapeXml('x\uD800y🐕')).toBe('x\uFFFDy🐕')
    expect(escapeXml('&amp;')).toBe('&amp;amp;')
  })
})

describe('renderSnapshotSvg', () => {
  const scene = {
    cameraId: 'CAM-510108001-0001', cameraName: '新华路公园东门', siteKind: 'park' as const, detectionId: 'd-1',
    label: '犬类未系绳', confidence: 0.87, at: '2025-05-01T06:03:22Z', bbox: [0.4, 0.55, 0.15, 0.2] as [number, number, number, number],
  }

  it('draws every kind of site as well-formed SVG with the label, time and camera burned in, and no box (the wall draws it)', () => {
    for (const siteKind of CAMERA_SITE_KINDS) {
      const svg = renderSnapshotSvg({ ...scene, siteKind })
      expect(XMLValidator.validate(svg)).toBe(true)
      expect(svg).toContain('新华路公园东门')
      expect(svg).toContain('CAM-510108001-0001')
      expect(svg).toContain('犬类未系绳 87%')
      expect(svg).toContain('2025-05-01 14:03:22')
      expect(svg).not.toContain('stroke="#ff3b30"')
    }
  })

  it('is the same picture for the same ids, and another for other ids', () => {
    expect(renderSnapshotSvg(scene)).toBe(renderSnapshotSvg({ ...scene }))
    expect(renderSnapshotSvg({ ...scene, cameraId: 'CAM-510108001-0002' })).not.toBe(renderSnapshotSvg(scene))
  })

  it('writes hostile text only escaped, and stays well-formed', () => {
    const svg = renderSnapshotSvg({ ...scene, cameraName: HOSTILE, detectionId: HOSTILE, label: HOSTILE, at: HOSTILE, cameraId: HOSTILE })
    expect(XMLValidator.validate(svg)).toBe(true)
    expect(svg).not.toMatch(/<script|<!\[CDATA\[|<svg onload|\uFFFF/)
    expect(svg).not.toContain('\u0000')
    expect(svg.match(/<svg/g)).toHaveLength(1)
  })

  it('shows time in UTC+8', () => {
    expect(beijingTime('2025-05-01T23:30:00+08:00')).toBe('2025-05-01 23:30:00')
    expect(beijingTime('2025-05-01T20:00:00Z')).toBe('2025-05-02 04:00:00')
  })
})

describe('defaultBbox and snapshotUrls', () => {
  it('derives a usable box from the ids', () => {
    for (let i = 0; i < 200; i++) {
      const box = defaultBbox('CAM-510108001-0001', `d-${i}`)
      expect(bboxProblem(box)).toBeUndefined()
      expect(box).toEqual(defaultBbox('CAM-510108001-0001', `d-${i}`))
    }
  })

  it('builds same-origin URLs that carry the picture’s facts, encoded', () => {
    const { snapshotUrl, clipUrl } = snapshotUrls({ cameraId: 'CAM-510108001-0001', detectionId: 'a b/c', kind: 'stray_dog', bbox: [0.1, 0.2, 0.3, 0.4], confidence: 0.8, at: '2025-05-01T06:03:22.000Z' })
    expect(snapshotUrl).toBe('/api/v1/snapshots/CAM-510108001-0001/a%20b%2Fc.svg?kind=stray_dog&at=2025-05-01T06%3A03%3A22.000Z&bbox=0.1%2C0.2%2C0.3%2C0.4&confidence=0.8')
    expect(clipUrl).toBe(snapshotUrl.replace('.svg?', '.clip?'))
    expect(snapshotUrls({ cameraId: 'C', detectionId: 'd' }).snapshotUrl).toBe('/api/v1/snapshots/C/d.svg')
  })
})
