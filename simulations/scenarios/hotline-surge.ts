/** 供暖故障 / A heating outage: a substation fails on a winter morning and a few compounds call 12345. */
import { defineScenario } from '../scenario.ts'

export default defineScenario({
  name: 'hotline-surge',
  title: '冬季供暖故障 / Heating outage',
  summary: 'A heat-exchange station fails before dawn; from 07:00 the three biggest compounds of one community call ' +
    '12345 about cold radiators (25–40 calls in an hour), a few about hot-water pipes leaking; grid workers confirm.',
  expectedEffect: [
    '25–40 `heating` hotline requests (Open311), every one inside one of the three compounds, all in one street and community.',
    'Grid workers’ `facility_damage` reports from the same compounds.',
  ],
  setting: '冬季工作日早晨 07:00 / a winter weekday, 07:00',
  focus: { kind: 'compounds', count: 3 },
  durationMin: 75,
  steps: [
    {
      name: 'calls', source: 'hotline', place: 'compound', at: [0, 60], count: [25, 40],
      calls: [
        { service: 'heating', weight: 6, answers: { issue: 'stopped' }, texts: ['{place}从凌晨开始停暖，家里只有12度', '{place}暖气完全不热，家里有老人和小孩'] },
        { service: 'heating', weight: 3, answers: { issue: 'not_warm' }, texts: ['{place}暖气温度很低，一直不热'] },
        { service: 'heating', weight: 1, answers: { issue: 'leak' }, texts: ['{place}楼道暖气管漏水，地上结冰'] },
      ],
    },
    { name: 'confirm', source: 'incident', place: 'compound', category: 'facility_damage', severity: 'moderate', at: [20, 70], count: [2, 4],
      texts: ['网格员核实：{place}换热站故障，供热公司正在抢修', '网格员上报：{place}多户反映停暖，已联系供热企业'] },
  ],
})
