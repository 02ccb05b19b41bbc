/** 不文明养犬 / Dog complaints: off-leash dogs again and again at one park, then the neighbours call. */
import { defineScenario } from '../scenario.ts'

export default defineScenario({
  name: 'dog-complaints',
  title: '遛犬不牵绳投诉 / Dog complaints',
  summary: 'The park’s cameras catch dogs off the leash again and again in the morning (10–14 detections in 40 min); ' +
    'residents of the compounds around it then call 12345 (4–7 calls); a grid worker reports.',
  expectedEffect: [
    'Detection events at the park’s cameras only, and a detection hotspot (GET /api/v1/hotspots) at one of them.',
    '4–7 `dog_keeping` / `stray_animals` hotline requests from the compounds of the park’s community.',
  ],
  setting: '清晨 06:30 / early morning',
  focus: { kind: 'park' },
  durationMin: 60,
  steps: [
    { name: 'cameras', source: 'detection', kind: 'dog_unleashed', confidence: [0.72, 0.97], at: [0, 40], count: [10, 14] },
    {
      name: 'calls', source: 'hotline', place: 'around-park', at: [15, 55], count: [4, 7],
      calls: [
        { service: 'dog_keeping', weight: 4, answers: { issues: ['unleashed'], dog_size: 'large' },
          texts: ['{park}每天早上都有人遛狗不牵绳，大型犬追着小孩跑', '{park}遛狗不拴绳，还不清理粪便'] },
        { service: 'stray_animals', weight: 1, answers: { animal: 'dog' }, texts: ['{park}附近有几只流浪狗，晚上追人'] },
      ],
    },
    { name: 'patrol', source: 'incident', place: 'park', category: 'public_order', at: [30, 58], count: 1,
      texts: ['网格员巡查：{park}早晚遛犬不牵绳现象较多，已张贴文明养犬提示'] },
  ],
})
