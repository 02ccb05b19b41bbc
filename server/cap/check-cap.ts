/**
 * Checks a CAP message's tree (from `readCapXml`) against CAP 1.2: the required elements, the
 * enumerations and date-time pattern of `cap12.xsd`, the identifier rules of §3.2.1 and the area
 * shapes of §3.2.4. Every problem is named with its path, so a producer can fix all of them at once.
 * Elements Gridwatch does not use (parameters, resources, signatures…) are accepted and not checked.
 */
import {
  CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_NAMESPACE, CAP_RESPONSE_TYPES, CAP_SCOPES, CAP_SEVERITIES,
  CAP_STATUSES, CAP_URGENCIES, type CapAlert, type CapArea, type CapInfo, type CapProblem, type CapReference,
} from '../../domain/cap.ts'
import { parseCapCircle, parseCapPolygon } from './cap-geometry.ts'
import { decodeXmlText, localName } from './read-cap-xml.ts'

type Tree = Record<string, unknown>
export type CapCheck = { ok: true; alert: CapAlert } | { ok: false; message: string; details: CapProblem[] }

/** cap12.xsd: `xs:dateTime` with an explicit numeric offset; `Z` and fractions are not allowed. */
const CAP_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/

/** The children named `name` (any namespace prefix), as a list. */
function children(node: Tree, name: string): unknown[] {
  const out: unknown[] = []
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@') || localName(key) !== name) continue
    if (Array.isArray(value)) out.push(...(value as unknown[]))
    else out.push(value)
  }
  return out
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeXmlText(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  // An element with attributes only carries its text in `#text`.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value).filter((k) => !k.startsWith('@'))
    if (keys.length === 0) return ''
    if (keys.length === 1 && keys[0] === '#text') return textOf((value as Tree)['#text'])
  }
  return undefined
}

class Checker {
  readonly problems: CapProblem[] = []

  problem(path: string, message: string) {
    this.problems.push({ path, message })
  }

  /** An element that appears at most once and holds text; undefined when absent. */
  optional(node: Tree, name: string, path: string): string | undefined {
    const list = children(node, name)
    if (list.length === 0) return undefined
    if (list.length > 1) this.problem(`${path}/${name}`, `${name} must appear once, found ${list.length}`)
    const text = textOf(list[0])
    if (text === undefined) this.problem(`${path}/${name}`, `${name} must be text, not elements`)
    return text
  }

  required(node: Tree, name: string, path: string): string | undefined {
    const text = this.optional(node, name, path)
    if (text === undefined || text === '') {
      if (children(node, name).length <= 1) this.problem(`${path}/${name}`, `${name} is required`)
      return undefined
    }
    return text
  }

  oneOf<T extends string>(text: string | undefined, allowed: readonly T[], name: string, path: string): T | undefined {
    if (text === undefined) return undefined
    if ((allowed as readonly string[]).includes(text)) return text as T
    this.problem(`${path}/${name}`, `${name} "${text}" is not one of: ${allowed.join(', ')}`)
    return undefined
  }

  dateTime(text: string | undefined, name: string, path: string): string | undefined {
    if (text === undefined) return undefined
    if (CAP_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text))) return text
    this.problem(`${path}/${name}`, `${name} "${text}" is not a CAP date-time (YYYY-MM-DDThh:mm:ss±hh:mm)`)
    return undefined
  }

  /** §3.2.1: identifiers and senders are referenced in space- and comma-separated lists. */
  token(text: string | undefined, name: string, path: string): string | undefined {
    if (text === undefined) return undefined
    if (!/[\s,<&]/.test(text)) return text
    this.problem(`${path}/${name}`, `${name} must not contain spaces, commas, < or &`)
    return undefined
  }
}

function checkReferences(c: Checker, text: string | undefined): CapReference[] {
  if (text === undefined) return []
  const refs: CapReference[] = []
  for (const entry of text.split(/\s+/).filter(Boolean)) {
    const parts = entry.split(',')
    if (parts.length !== 3 || parts.some((p) => p === '') || !CAP_DATE_TIME.test(parts[2]!)) {
      c.problem('/alert/references', `"${entry}" is not a "sender,identifier,sent" reference`)
      continue
    }
    refs.push({ sender: parts[0]!, identifier: parts[1]!, sent: parts[2]! })
  }
  return refs
}

function checkArea(c: Checker, node: Tree, path: string): CapArea {
  const areaDesc = c.required(node, 'areaDesc', path) ?? ''
  const polygons: CapArea['polygons'] = []
  const circles: CapArea['circles'] = []
  children(node, 'polygon').forEach((p, i) => {
    const shape = parseCapPolygon(textOf(p) ?? '')
    if (shape.ok) polygons.push(shape.value)
    else c.problem(`${path}/polygon/${i}`, shape.message)
  })
  children(node, 'circle').forEach((p, i) => {
    const shape = parseCapCircle(textOf(p) ?? '')
    if (shape.ok) circles.push(shape.value)
    else c.problem(`${path}/circle/${i}`, shape.message)
  })
  const geocodes = children(node, 'geocode').flatMap((g) => {
    if (typeof g !== 'object' || g === null) return []
    const valueName = textOf(children(g as Tree, 'valueName')[0])
    const value = textOf(children(g as Tree, 'value')[0])
    return valueName !== undefined && value !== undefined ? [{ valueName, value }] : []
  })
  return { areaDesc, polygons, circles, geocodes }
}

function checkInfo(c: Checker, node: Tree, path: string): CapInfo {
  const categories = children(node, 'category').flatMap((v, i) => {
    const code = c.oneOf(textOf(v) ?? '', CAP_CATEGORIES, `category/${i}`, path)
    return code ? [code] : []
  })
  if (children(node, 'category').length === 0) c.problem(`${path}/category`, 'category is required')
  const responseTypes = children(node, 'responseType').flatMap((v, i) => {
    const t = c.oneOf(textOf(v) ?? '', CAP_RESPONSE_TYPES, `responseType/${i}`, path)
    return t ? [t] : []
  })
  const info: CapInfo = {
    language: c.optional(node, 'language', path) || 'en-US',
    categories,
    event: c.required(node, 'event', path) ?? '',
    responseTypes,
    urgency: c.oneOf(c.required(node, 'urgency', path), CAP_URGENCIES, 'urgency', path) ?? 'Unknown',
    severity: c.oneOf(c.required(node, 'severity', path), CAP_SEVERITIES, 'severity', path) ?? 'Unknown',
    certainty: c.oneOf(c.required(node, 'certainty', path), CAP_CERTAINTIES, 'certainty', path) ?? 'Unknown',
    areas: children(node, 'area').map((a, i) => checkArea(c, typeof a === 'object' && a !== null ? (a as Tree) : {}, `${path}/area/${i}`)),
  }
  for (const name of ['effective', 'onset', 'expires'] as const) {
    const value = c.dateTime(c.optional(node, name, path), name, path)
    if (value !== undefined) info[name] = value
  }
  for (const name of ['senderName', 'headline', 'description', 'instruction', 'web', 'contact'] as const) {
    const value = c.optional(node, name, path)
    if (value) info[name] = value
  }
  return info
}

/**
 * @example
 * checkCap('alert', { '@xmlns': CAP_NAMESPACE, identifier: 'x', … }) // { ok: true, alert: { identifier: 'x', … } }
 * checkCap('alert', { '@xmlns': CAP_NAMESPACE }) // { ok: false, details: [{ path: '/alert/status', message: 'status is required' }, …] }
 */
export function checkCap(rootName: string, root: Tree): CapCheck {
  const c = new Checker()
  const prefix = rootName.includes(':') ? rootName.slice(0, rootName.indexOf(':')) : ''
  if (localName(rootName) !== 'alert') {
    return { ok: false, message: 'not a CAP message', details: [{ path: '/', message: `the root element is <${rootName}>, expected <alert>` }] }
  }
  const namespace = root[prefix ? `@xmlns:${prefix}` : '@xmlns']
  if (namespace !== CAP_NAMESPACE) {
    const got = typeof namespace === 'string' ? `namespace ${namespace}` : 'no namespace'
    return {
      ok: false,
      message: 'not a CAP 1.2 message',
      details: [{ path: '/alert', message: `<alert> is in ${got}; CAP 1.2 is ${CAP_NAMESPACE}` }],
    }
  }
  const p = '/alert'
  const status = c.oneOf(c.required(root, 'status', p), CAP_STATUSES, 'status', p)
  const msgType = c.oneOf(c.required(root, 'msgType', p), CAP_MSG_TYPES, 'msgType', p)
  const scope = c.oneOf(c.required(root, 'scope', p), CAP_SCOPES, 'scope', p)
  const alert: CapAlert = {
    identifier: c.token(c.required(root, 'identifier', p), 'identifier', p) ?? '',
    sender: c.token(c.required(root, 'sender', p), 'sender', p) ?? '',
    sent: c.dateTime(c.required(root, 'sent', p), 'sent', p) ?? '',
    status: status ?? 'Actual',
    msgType: msgType ?? 'Alert',
    scope: scope ?? 'Public',
    references: [],
    info: children(root, 'info').map((n, i) => checkInfo(c, typeof n === 'object' && n !== null ? (n as Tree) : {}, `${p}/info/${i}`)),
  }
  for (const name of ['source', 'restriction', 'addresses', 'note', 'incidents'] as const) {
    const value = c.optional(root, name, p)
    if (value) alert[name] = value
  }
  // §3.2.1: a Restricted message says what restricts it, and a Private one whom it is for.
  if (scope === 'Restricted' && !alert.restriction) c.problem(`${p}/restriction`, 'restriction is required when scope is Restricted')
  if (scope === 'Private' && !alert.addresses) c.problem(`${p}/addresses`, 'addresses is required when scope is Private')
  const referencesText = c.optional(root, 'references', p)
  alert.references = checkReferences(c, referencesText)
  if (referencesText) alert.referencesText = referencesText
  // An Update or Cancel that names nothing cannot be honoured: there would be no warning to change.
  if ((msgType === 'Update' || msgType === 'Cancel') && !referencesText) {
    c.problem(`${p}/references`, `references is required for msgType ${msgType}: it names the message(s) being updated or cancelled`)
  }
  if (c.problems.length > 0) {
    return { ok: false, message: `the CAP message has ${c.problems.length} problem${c.problems.length === 1 ? '' : 's'}; nothing was stored`, details: c.problems }
  }
  return { ok: true, alert }
}
