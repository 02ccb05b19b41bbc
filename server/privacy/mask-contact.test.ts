import { describe, expect, it } from 'vitest'
import { maskEmail, maskFreeText, maskIdentifier, maskName, maskPhone } from './mask-contact.ts'

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
  })
  it('drops +86 / 0086 and separators first', () => {
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234')
    expect(maskPhone('008613812341234')).toBe('138****1234')
  })
  it('masks a landline the same way', () => {
    expect(maskPhone('028-84561234')).toBe('028****1234')
  })
  it('keeps only the last two digits of a short number, and nothing of one without digits', () => {
    expect(maskPhone('12345')).toBe('***45')
    expect(maskPhone('12')).toBe('*12')
    expect(maskPhone('unknown')).toBe('****')
    expect(maskPhone('')).toBe('')
  })
})

describe('maskName', () => {
  it('keeps the first character and stars the rest', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName(' john ')).toBe('j***')
  })
  it('stars a one-character name whole, and counts code points, not UTF-16 units', () => {
    expect(maskName('三')).toBe('*')
    expect(maskName('𠮷野')).toBe('𠮷*')
    expect(maskName('')).toBe('')
  })
})

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com')
    expect(maskEmail('z@example.com')).toBe('z***@example.com')
  })
  it('masks a value with no @ as a name', () => {
    expect(maskEmail('zhangsan')).toBe('z*******')
  })
})

describe('maskIdentifier', () => {
  it('keeps the last four characters of a long id, two of a short one, none of a tiny one', () => {
    expect(maskIdentifier('A1B2C3D4E5F6')).toBe('********E5F6')
    expect(maskIdentifier('dev-42')).toBe('****42')
    expect(maskIdentifier('abc')).toBe('***')
    expect(maskIdentifier('')).toBe('')
  })
})

describe('maskFreeText', () => {
  it('masks mobiles, e-mails and resident ID numbers inside text and leaves the rest', () => {
    expect(maskFreeText('夜间施工，请回电13812341234或 zhang@example.com')).toBe('夜间施工，请回电138****1234或 z***@example.com')
    expect(maskFreeText('身份证510108199001011234，手机 +86 139 1234 5678')).toBe('身份证510108********1234，手机 139****5678')
  })
  it('leaves house numbers, amounts and dates alone', () => {
    const text = '建设路 55 号 3 栋，拖欠工资 120000 元，2026-11-22 起'
    expect(maskFreeText(text)).toBe(text)
  })
})
