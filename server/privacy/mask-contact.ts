/**
 * Masks for a caller's personal data (DESIGN §2.2: hotline contact is masked everywhere except the
 * case detail an authorised dispatcher sees). Pure functions over strings; the stored event keeps the
 * raw values, and `publicEvent` applies these wherever an event leaves the server.
 */

/** Code points, so a masked name never splits a surrogate pair. */
const chars = (s: string) => Array.from(s)

/**
 * The first three and last four digits of a number long enough to be a phone number; shorter ones
 * keep only their last two. A leading +86 / 0086 is dropped first, so it does not eat the prefix.
 *
 * @example
 * maskPhone('13812341234')       // '138****1234'
 * maskPhone('+86 138-1234-1234') // '138****1234'
 * maskPhone('028-84561234')      // '028****1234'
 */
export function maskPhone(phone: string): string {
  let digits = phone.replace(/\D/g, '')
  if (/^(0086|86)1\d{10}$/.test(digits)) digits = digits.replace(/^(0086|86)/, '')
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length === 0) return phone.length > 0 ? '*'.repeat(Math.min(phone.length, 4)) : ''
  return `${'*'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`
}

/**
 * The first character, then one star per remaining character; a one-character name is all star, since
 * a lone given name identifies its bearer.
 *
 * @example
 * maskName('张三')   // '张*'
 * maskName('欧阳娜娜') // '欧***'
 * maskName('三')    // '*'
 */
export function maskName(name: string): string {
  const cs = chars(name.trim())
  if (cs.length === 0) return ''
  if (cs.length === 1) return '*'
  return `${cs[0]}${'*'.repeat(cs.length - 1)}`
}

/**
 * The first character of the local part, three stars, and the domain (which names a provider, not a
 * person).
 *
 * @example
 * maskEmail('zhangsan@example.com') // 'z***@example.com'
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return maskName(email)
  return `${chars(email)[0]}***${email.slice(at)}`
}

/**
 * An identifier that points at a person (the caller's phone's device id, their 12345 app account):
 * stars, then the last four characters of a long one or the last two of a short one, so a dispatcher
 * on the phone can still match it with the caller without the wall showing it whole.
 *
 * @example
 * maskIdentifier('A1B2C3D4E5F6') // '********E5F6'
 * maskIdentifier('dev-42')       // '****42'
 */
export function maskIdentifier(id: string): string {
  const cs = chars(id.trim())
  const keep = cs.length >= 8 ? 4 : cs.length >= 4 ? 2 : 0
  return `${'*'.repeat(cs.length - keep)}${cs.slice(cs.length - keep).join('')}`
}

// 18-digit resident ID numbers first, so the phone pattern never sees their digits.
const ID_CARD = /(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g
// Mainland mobiles, optionally as +86 / 3-4-4 groups: 13812341234, 138 1234 1234, +86-138-1234-1234.
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g

/**
 * Free text (a description a caller dictated) with mobile numbers, e-mail addresses and resident ID
 * numbers masked; everything else untouched. Landlines are left alone: a bare 7–8 digit run is as
 * likely a house number or an amount.
 *
 * @example
 * maskFreeText('噪声扰民，请回电13812341234') // '噪声扰民，请回电138****1234'
 */
export function maskFreeText(text: string): string {
  return text
    .replace(ID_CARD, (_m, head: string, tail: string) => `${head}********${tail}`)
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(EMAIL, (m) => maskEmail(m))
}
