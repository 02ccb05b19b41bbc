import { describe, expect, it } from 'vitest'
import { areasCentre, parseCapCircle, parseCapPolygon } from './cap-geometry.ts'

describe('parseCapPolygon', () => {
  it('turns "lat,lon" pairs into a closed [lng, lat] ring', () => {
    expect(parseCapPolygon(' 38.47,-120.14 38.34,-119.95\n 38.52,-119.74 38.47,-120.14 ')).toEqual({
      ok: true, value: [[-120.14, 38.47], [-119.95, 38.34], [-119.74, 38.52], [-120.14, 38.47]],
    })
  })

  it('refuses open, short, empty, non-numeric and out-of-range rings', () => {
    expect(parseCapPolygon('1,1 2,2 3,3 4,4')).toMatchObject({ ok: false, message: expect.stringContaining('end where it starts') })
    expect(parseCapPolygon('')).toMatchObject({ ok: false, message: expect.stringContaining('found 0') })
    expect(parseCapPolygon('1,1 2,x 3,3 1,1')).toMatchObject({ ok: false, message: '"2,x" is not a "lat,lon" pair' })
    expect(parseCapPolygon('1,1 2,Infinity 3,3 1,1')).toMatchObject({ ok: false })
    expect(parseCapPolygon('1,181 2,2 3,3 1,181')).toMatchObject({ ok: false, message: expect.stringContaining('longitude 181') })
  })
})

describe('parseCapCircle', () => {
  it('reads the centre latitude first and the radius in km', () => {
    expect(parseCapCircle('32.9525,-115.5527 0')).toEqual({ ok: true, value: { center: [-115.5527, 32.9525], radiusKm: 0 } })
    expect(parseCapCircle('30.6,104.1 12.5')).toEqual({ ok: true, value: { center: [104.1, 30.6], radiusKm: 12.5 } })
  })

  it('refuses a missing or negative radius', () => {
    expect(parseCapCircle('30.6,104.1')).toMatchObject({ ok: false })
    expect(parseCapCircle('30.6,104.1 -1')).toMatchObject({ ok: false, message: expect.stringContaining('radius') })
  })
})

describe('areasCentre', () => {
  it('uses the first area that has a shape: a polygon’s centre, else a circle’s', () => {
    const square = [[104, 30], [104.2, 30], [104.2, 30.2], [104, 30.2], [104, 30]] as Array<[number, number]>
    expect(areasCentre([{ polygons: [], circles: [] }, { polygons: [square], circles: [] }])).toEqual({ lng: 104.1, lat: 30.1 })
    expect(areasCentre([{ polygons: [], circles: [{ center: [104.1, 30.6], radiusKm: 3 }] }])).toEqual({ lng: 104.1, lat: 30.6 })
    expect(areasCentre([{ polygons: [], circles: [] }])).toBeUndefined()
  })

  it('gives a finite point for a degenerate polygon', () => {
    const c = areasCentre([{ polygons: [[[104, 30], [104, 30], [104, 30], [104, 30]]], circles: [] }])
    expect(c).toEqual({ lng: 104, lat: 30 })
  })
})
