/**
 * 暴雨 / A rainstorm: the weather bureau's CAP warning over a street, then a surge of waterlogging,
 * fallen-tree, power and drainage calls and grid workers' reports from its low-lying grids.
 */
import { defineScenario } from '../scenario.ts'

export default defineScenario({
  name: 'rainstorm',
  title: '暴雨内涝 / Rainstorm',
  summary: '成都市气象台 issues an orange rainstorm warning (CAP) over one street and its four low-lying grids (t+0); ' +
    '30–40 hotline calls about waterlogging, fallen trees, power cuts and blocked drains come from those grids ' +
    '(t+5–45 min); grid workers report flooded spots and damage (t+10–50).',
  expectedEffect: [
    'GET /api/v1/warnings: the 暴雨橙色预警 in force, a circle over the low-lying grids.',
    '30–40 hotline requests (waterlogging, fallen_tree, power_supply, drainage), every one in the warned street ' +
      'and in one of its four low-lying grids; the same grids get the grid workers’ `facility_damage` reports.',
  ],
  setting: '夏季午后 / a summer afternoon',
  focus: { kind: 'lowlying', grids: 4 },
  durationMin: 60,
  steps: [
    { name: 'warning', source: 'cap', warning: 'rainstorm', level: 'orange', at: 0 },
    {
      name: 'surge', source: 'hotline', place: 'grids', at: [5, 45], count: [30, 40],
      calls: [
        { service: 'waterlogging', weight: 5, texts: ['{street}{place}路面积水没过膝盖，车辆熄火', '小区地下车库进水了，车快被淹', '下穿隧道积水很深，有车被困'] },
        { service: 'fallen_tree', weight: 2, texts: ['{place}行道树被风吹倒，挡住整条路', '大树枝折断砸在路边车上'] },
        { service: 'power_supply', weight: 2, answers: { issue: 'outage' }, texts: ['暴雨后{place}片区停电', '配电房进水，整栋楼停电'] },
        { service: 'drainage', weight: 2, answers: { issue: 'overflow' }, texts: ['下水道返水，污水漫到路面', '雨水井堵塞，积水排不出去'] },
      ],
    },
    { name: 'patrol', source: 'incident', place: 'grids', category: 'facility_damage', severity: 'moderate', at: [10, 50], count: [6, 10],
      texts: ['网格员巡查：{place}易涝点积水约40厘米，已设置警示', '网格员上报：{place}井盖被冲开，已临时围挡', '网格员上报：{place}倒伏树木压断线缆'] },
  ],
})
