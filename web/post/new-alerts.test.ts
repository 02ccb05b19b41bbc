import { describe, expect, it } from 'vitest'
import { noticeNewAlerts } from './new-alerts.ts'

describe('noticeNewAlerts', () => {
  it('rings for nothing on the first load, then only for new severe or extreme cases', () => {
    const first = noticeNewAlerts({ seen: null }, [{ id: 'a', severity: 'extreme' }])
    expect(first.fresh).toEqual([])
    const second = noticeNewAlerts(first.tracker, [
      { id: 'a', severity: 'extreme' },
      { id: 'b', severity: 'severe' },
      { id: 'c', severity: 'moderate' },
      { id: 'd', severity: 'extreme' },
    ])
    expect(second.fresh).toEqual(['b', 'd'])
    expect(noticeNewAlerts(second.tracker, [{ id: 'b', severity: 'severe' }]).fresh).toEqual([])
  })
})
