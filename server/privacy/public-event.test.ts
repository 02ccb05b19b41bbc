import { describe, expect, it } from 'vitest'
import { makeEvent } from '../../web/testing/event-fixture.ts'
import { publicEvent } from './public-event.ts'

describe('publicEvent', () => {
  const raw = makeEvent(1, {
    source: 'hotline',
    category: 'noise',
    title: '请联系13812341234',
    description: '工地夜间施工，电话 13812341234，邮箱 zhang@example.com',
    attrs: {
      caller: { first_name: '三', last_name: '张', phone: '13812341234', email: 'zhang@example.com' },
      callerPhone: '13900001111',
      attributes: { noise_type: 'construction', note: '回电13812341234' },
      address_string: '猛追湾街道，联系人电话13812341234',
      device_id: 'IMEI-86012345678',
      account_id: 'u-1234567',
    },
  })

  it('masks the caller, contact-like attrs and numbers in free text', () => {
    const e = publicEvent(raw)
    expect(e.attrs.caller).toEqual({ first_name: '*', last_name: '张', phone: '138****1234', email: 'z***@example.com' })
    expect(e.attrs.callerPhone).toBe('139****1111')
    expect(e.attrs.attributes).toEqual({ noise_type: 'construction', note: '回电138****1234' })
    expect(e.attrs.address_string).toBe('猛追湾街道，联系人电话138****1234')
    expect(e.title).toBe('请联系138****1234')
    expect(e.description).toBe('工地夜间施工，电话 138****1234，邮箱 z***@example.com')
    expect(e.attrs.device_id).toBe('************5678')
    expect(e.attrs.account_id).toBe('*****4567')
    expect(JSON.stringify(e)).not.toContain('13812341234')
  })

  it('leaves the stored event untouched', () => {
    publicEvent(raw)
    expect((raw.attrs.caller as { phone: string }).phone).toBe('13812341234')
    expect(raw.description).toContain('13812341234')
  })

  it('returns other sources as they are, the same object', () => {
    const e = makeEvent(2, { attrs: { workerId: 'W1', phone: '13812341234' } })
    expect(publicEvent(e)).toBe(e)
  })
})
