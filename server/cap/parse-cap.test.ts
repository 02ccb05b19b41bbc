import { describe, expect, it } from 'vitest'
import { parseCap } from './parse-cap.ts'
import { decodeXmlBytes, decodeXmlText } from './read-cap-xml.ts'

const NS = 'urn:oasis:names:tc:emergency:cap:1.2'

function alertXml(fields: Record<string, string | null> = {}, info = '', ns = NS) {
  const base: Record<string, string | null> = {
    identifier: 'CD-2024-0001', sender: 'cdmb@cma.gov.cn', sent: '2024-07-01T08:00:00+08:00',
    status: 'Actual', msgType: 'Alert', scope: 'Public', ...fields,
  }
  const body = Object.entries(base).filter(([, v]) => v !== null).map(([k, v]) => `<${k}>${v}</${k}>`).join('')
  return `<?xml version="1.0" encoding="UTF-8"?><alert xmlns="${ns}">${body}${info}</alert>`
}

const INFO = `<info><language>zh-CN</language><category>Met</category><event>暴雨预警</event><urgency>Expected</urgency>
  <severity>Severe</severity><certainty>Likely</certainty><expires>2024-07-01T20:00:00+08:00</expires>
  <headline>成都市气象台发布暴雨橙色预警 &amp; 提醒</headline>
  <area><areaDesc>成华区</areaDesc><polygon>30.66,104.08 30.70,104.08 30.70,104.14 30.66,104.14 30.66,104.08</polygon>
  <circle>30.68,104.10 2.5</circle></area></info>`

describe('parseCap', () => {
  it('reads a complete message: enumerations, dates, areas in GeoJSON order, decoded text', () => {
    const r = parseCap(alertXml({}, INFO))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.alert).toMatchObject({ identifier: 'CD-2024-0001', status: 'Actual', msgType: 'Alert', scope: 'Public', references: [] })
    const info = r.alert.info[0]!
    expect(info).toMatchObject({ language: 'zh-CN', categories: ['Met'], severity: 'Severe', headline: '成都市气象台发布暴雨橙色预警 & 提醒' })
    expect(info.areas[0]!.polygons[0]![0]).toEqual([104.08, 30.66])
    expect(info.areas[0]!.circles).toEqual([{ center: [104.1, 30.68], radiusKm: 2.5 }])
  })

  it('accepts a message with a namespace prefix', () => {
    const xml = alertXml({}, INFO).replace(`<alert xmlns="${NS}">`, `<cap:alert xmlns:cap="${NS}">`).replace('</alert>', '</cap:alert>')
      .replace(/<(\/?)(identifier|sender|sent|status|msgType|scope)>/g, '<$1cap:$2>')
    expect(parseCap(xml)).toMatchObject({ ok: true, alert: { identifier: 'CD-2024-0001' } })
  })

  it('names every missing required field', () => {
    const r = parseCap(alertXml({ identifier: null, sender: '', scope: null }, '<info><category>Met</category></info>'))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.details?.map((d) => d.path)).toEqual([
      '/alert/scope', '/alert/identifier', '/alert/sender',
      '/alert/info/0/event', '/alert/info/0/urgency', '/alert/info/0/severity', '/alert/info/0/certainty',
    ])
    expect(r.details?.[0]?.message).toBe('scope is required')
  })

  it('refuses values outside the enumerations and bad date-times', () => {
    const r = parseCap(alertXml({ status: 'Real', msgType: 'Shout', sent: '2024-07-01T08:00:00Z' },
      '<info><category>Weather</category><event>x</event><urgency>Now</urgency><severity>Big</severity><certainty>Sure</certainty></info>'))
    expect(r.ok).toBe(false)
    if (r.ok) return
    const byPath = Object.fromEntries((r.details ?? []).map((d) => [d.path, d.message]))
    expect(byPath['/alert/status']).toMatch(/"Real" is not one of: Actual, Exercise/)
    expect(byPath['/alert/msgType']).toMatch(/Shout/)
    expect(byPath['/alert/sent']).toMatch(/not a CAP date-time/)
    expect(byPath['/alert/info/0/category/0']).toMatch(/Weather/)
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(['/alert/info/0/urgency', '/alert/info/0/severity', '/alert/info/0/certainty']))
  })

  it('refuses identifiers with separators, bad references, bad shapes, and scope without its companion', () => {
    const r = parseCap(alertXml({ identifier: 'a b', scope: 'Restricted', references: 'x,y' },
      `<info><category>Met</category><event>x</event><urgency>Past</urgency><severity>Minor</severity><certainty>Likely</certainty>
       <area><areaDesc>a</areaDesc><polygon>30,104 31,104 30,104</polygon><circle>104.1,30.6 1</circle></area></info>`))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.details).toEqual(expect.arrayContaining([
      { path: '/alert/identifier', message: 'identifier must not contain spaces, commas, < or &' },
      { path: '/alert/restriction', message: 'restriction is required when scope is Restricted' },
      { path: '/alert/references', message: '"x,y" is not a "sender,identifier,sent" reference' },
      { path: '/alert/info/0/area/0/polygon/0', message: 'a polygon needs at least 4 "lat,lon" pairs, found 3' },
      { path: '/alert/info/0/area/0/circle/0', message: 'latitude 104.1 is outside -90..90 (CAP writes latitude first)' },
    ]))
  })

  it('reads references as sender, identifier and sent', () => {
    const r = parseCap(alertXml({ msgType: 'Cancel', references: 's@x,ID-1,2024-07-01T07:00:00+08:00  s@x,ID-2,2024-07-01T07:30:00+08:00' }))
    expect(r).toMatchObject({ ok: true, alert: { references: [{ sender: 's@x', identifier: 'ID-1', sent: '2024-07-01T07:00:00+08:00' }, { identifier: 'ID-2' }] } })
  })

  it('refuses another CAP version and other documents', () => {
    expect(parseCap(alertXml({}, INFO, 'urn:oasis:names:tc:emergency:cap:1.1'))).toMatchObject({ ok: false, message: 'not a CAP 1.2 message' })
    expect(parseCap('<alert><identifier>x</identifier></alert>')).toMatchObject({ ok: false, details: [{ message: expect.stringContaining('no namespace') }] })
    expect(parseCap('<feed><entry/></feed>')).toMatchObject({ ok: false, message: 'not a CAP message' })
  })

  it('refuses malformed XML with the parser’s reason', () => {
    expect(parseCap('<alert><identifier>x</alert>')).toMatchObject({ ok: false, message: expect.stringMatching(/^malformed XML: .*identifier.*line 1/) })
    expect(parseCap('')).toMatchObject({ ok: false, message: expect.stringMatching(/^malformed XML/) })
    expect(parseCap('<a/><b/>')).toMatchObject({ ok: false, message: 'malformed XML: expected one root element, found 2' })
  })

  it('refuses any DTD: entity expansion and external entities', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><alert>&lol2;</alert>'
    const xxe = '<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert>&xxe;</alert>'
    for (const xml of [laughs, xxe, '<!doctype alert><alert/>']) {
      expect(parseCap(xml)).toEqual({ ok: false, message: 'entity declarations are not accepted' })
    }
  })
})

describe('decodeXmlText', () => {
  it('decodes the predefined entities and character references once, and leaves others', () => {
    expect(decodeXmlText('&lt;b&gt; &amp;lt; &quot;&apos; &#20013;&#x6587; &foo; &#0;')).toBe('<b> &lt; "\' 中文 &foo; &#0;')
  })
})

describe('decodeXmlBytes', () => {
  const ascii = (s: string) => [...new TextEncoder().encode(s)]
  it('reads UTF-8 by default, dropping a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFF<alert>暴雨</alert>')
    expect(decodeXmlBytes(bytes)).toEqual({ ok: true, text: '<alert>暴雨</alert>' })
  })

  it('reads the encoding the XML declaration or the content type names', () => {
    const head = '<?xml version="1.0" encoding="GB2312"?><a>'
    // 暴雨 in GB2312 is B1A9 D3EA.
    const bytes = new Uint8Array([...ascii(head), 0xb1, 0xa9, 0xd3, 0xea, ...ascii('</a>')])
    expect(decodeXmlBytes(bytes)).toEqual({ ok: true, text: `${head}暴雨</a>` })
    const plain = new Uint8Array([0x3c, 0x61, 0x3e, 0xb1, 0xa9, 0x3c, 0x2f, 0x61, 0x3e])
    expect(decodeXmlBytes(plain, 'text/xml; charset=gbk')).toEqual({ ok: true, text: '<a>暴</a>' })
  })

  it('refuses an unknown encoding and bytes that are not valid in the declared one', () => {
    expect(decodeXmlBytes(new Uint8Array([0x3c]), 'text/xml; charset=klingon')).toEqual({ ok: false, message: 'unsupported encoding "klingon"' })
    expect(decodeXmlBytes(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]))).toEqual({ ok: false, message: 'the body is not valid utf-8' })
  })
})
