/** 平常的一天 / A normal day: the district's ordinary mix from every source, with no end. */
import { defineScenario } from '../scenario.ts'

export default defineScenario({
  name: 'normal-day',
  title: '平常的一天 / A normal day',
  summary: 'Hotline calls, grid workers’ reports, AI camera detections and sensor alarms and faults in the usual mix, ' +
    'placed in real streets (some persistently busier than others); sensors and cameras are registry ids.',
  expectedEffect: [
    'A steady stream of events from every source on the wall; busier streets stand out on the map.',
    'Sensor alarms open in GET /api/v1/alarms now and then; detection hotspots form at a few trouble spots.',
  ],
  durationMin: Infinity,
  steps: [{ name: 'day', source: 'normal-day', at: [0, Infinity], perMinute: 40 }],
})
