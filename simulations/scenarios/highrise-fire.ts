/**
 * 居民楼火灾 / A building fire: an electrical fire in a building's distribution box sets off its
 * detectors from the bottom up, neighbours call 12345 within minutes, grid workers and the squads
 * report from the scene, and the smoke clears.
 */
import { defineScenario } from '../scenario.ts'

export default defineScenario({
  name: 'highrise-fire',
  title: '居民楼火灾 / Building fire',
  summary: 'In one building of an old compound, the electrical-fire detector alarms (t+0), then the smoke detectors ' +
    'floor by floor upwards (t+0.5–4 min, levels rising to 3); 5–8 hotline calls come from the compound (t+2–10); ' +
    'grid workers and the emergency squad report from the building (t+4–12); the detectors read normal again (t+14–18).',
  expectedEffect: [
    'GET /api/v1/alarms: open alarms for the building’s sensors only (its smoke detectors on two floors and its ' +
      'electrical-fire detector), all with the same buildingId, the lower floor raised first, repeats counted.',
    'Some alarm events are `extreme` (level 3).',
    '5–8 hotline requests (Open311) in the building’s compound: the same street and grid as the building.',
    'Grid-worker `fire_hazard` reports at the building, in the same grid.',
    'The alarms stay open after the detectors read normal (normalAt set) until an operator clears them.',
  ],
  setting: '任意时间 / any time of day',
  focus: { kind: 'building' },
  durationMin: 20,
  steps: [
    { name: 'electrical', source: 'sensor', sensorType: 'electrical', sensors: 'lowest', state: 'alarm', at: 0, count: 2, level: [2, 3], value: [420, 900] },
    { name: 'smoke-low', source: 'sensor', sensorType: 'smoke', sensors: 'lowest', state: 'alarm', at: [0.5, 3], count: 3, level: [1, 3], value: [0.2, 1.6] },
    { name: 'smoke-high', source: 'sensor', sensorType: 'smoke', sensors: 'highest', state: 'alarm', at: [1, 4], count: 3, level: [2, 3], value: [0.4, 2.1] },
    {
      name: 'calls', source: 'hotline', place: 'compound', at: [2, 10], count: [5, 8],
      calls: [
        { service: 'property_management', weight: 3, answers: { compound_name: '{compound}', issues: ['security'] },
          texts: ['{compound}{building}楼道冒浓烟，烟感一直在响，物业没人管', '{building}那边着火了，楼道全是烟，请尽快处理'] },
        { service: 'elevator_fault', weight: 2, answers: { trapped: 'no', building: '{building}' },
          texts: ['{compound}{building}电梯停了，楼道有很大的烟味', '着火后电梯停运，老人下不了楼'] },
        { service: 'power_supply', weight: 2, answers: { issue: 'outage' },
          texts: ['{compound}突然停电，{building}配电箱那边在冒烟', '小区停电了，听说是{building}电箱起火'] },
        { service: 'gas_supply', weight: 1, answers: { issue: 'smell' }, texts: ['{compound}闻到很大的焦糊味和燃气味，担心燃气泄漏'] },
      ],
    },
    { name: 'grid-worker', source: 'incident', place: 'building', category: 'fire_hazard', severity: 'severe', at: [4, 9], count: 2,
      texts: ['网格员到场：{compound}{building}配电箱起火，楼道浓烟，正在组织住户疏散', '网格员核实：{building}楼道烟雾较大，已通知物业断电'] },
    { name: 'squad', source: 'incident', place: 'building', category: 'fire_hazard', severity: 'severe', at: [6, 12], count: 1,
      texts: ['街道应急小分队与消防救援已到场，{building}明火已扑灭，无人员伤亡'] },
    { name: 'smoke-clear', source: 'sensor', sensorType: 'smoke', sensors: 'floor-up', state: 'normal', at: [14, 18] },
  ],
})
