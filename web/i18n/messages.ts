/**
 * UI text. Chinese is the source of truth; English must have the same keys (the type enforces it).
 * Category names are not here: they come from domain/taxonomy.ts, which carries both languages.
 */

const zhCN = {
  app: {
    brand: '网格哨',
    title: '网格哨 · 成华区城市运行中心',
    subtitle: '城市运行一网统管',
  },
  login: {
    heading: '网格哨',
    subheading: '成华区城市运行中心 · 指挥大屏',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    submit: '登 录',
    submitting: '登录中…',
    invalid: '用户名或密码错误',
    network: '无法连接服务器，请稍后重试',
    failed: '登录失败（{status}）',
    language: '语言',
  },
  connection: {
    live: '实时连接',
    reconnecting: '正在重连…',
    stale: '数据已过期 · 自 {time}',
  },
  counters: {
    title: '今日事件概况',
    total: '今日事件总数',
    since: '统计自 {time}',
    unit: '件',
    bySource: '事件来源',
    bySeverity: '事件等级',
  },
  ranking: {
    title: '街道事件分布',
    hint: '今日 {n} 件',
  },
  map: {
    title: '成华区 · 事件态势',
    legend: '事件等级',
    today: '今日事件 {n}',
    loading: '正在加载地图…',
    unavailable: '地图数据暂不可用，正在重试…',
    children: {
      street: '{n} 个街道',
      community: '{n} 个社区',
      grid: '{n} 个网格',
      microgrid: '{n} 个微网格',
    },
    breadcrumb: '层级导航',
    allMicrogrids: '全部微网格',
    loadingTier: '正在加载{level}…',
    tierUnavailable: '{level}数据暂不可用',
  },
  level: {
    district: '区',
    street: '街道',
    community: '社区',
    grid: '网格',
    microgrid: '微网格',
  },
  feed: {
    title: '实时事件',
    empty: '暂无事件',
    outside: '辖区外',
    unlocated: '未定位',
  },
  source: {
    incident: '网格员上报',
    sensor: '物联感知',
    detection: 'AI识别',
    hotline: '12345热线',
    cap: '预警信息',
  },
  severity: {
    extreme: '特别重大',
    severe: '重大',
    moderate: '较大',
    minor: '一般',
  },
}

export type Messages = typeof zhCN

const en: Messages = {
  app: {
    brand: 'Gridwatch',
    title: 'Gridwatch · Chenghua District Operations Centre',
    subtitle: 'One network for city operations',
  },
  login: {
    heading: 'Gridwatch',
    subheading: 'Chenghua District Operations Centre · Video wall',
    username: 'Username',
    password: 'Password',
    usernamePlaceholder: 'Username',
    passwordPlaceholder: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    invalid: 'Wrong username or password',
    network: 'Cannot reach the server; try again shortly',
    failed: 'Sign-in failed ({status})',
    language: 'Language',
  },
  connection: {
    live: 'Live',
    reconnecting: 'Reconnecting…',
    stale: 'Data stale · since {time}',
  },
  counters: {
    title: "Today's events",
    total: 'Events today',
    since: 'Counting since {time}',
    unit: '',
    bySource: 'By source',
    bySeverity: 'By severity',
  },
  ranking: {
    title: 'Events by street',
    hint: '{n} today',
  },
  map: {
    title: 'Chenghua District · Live situation',
    legend: 'Severity',
    today: 'Today {n}',
    loading: 'Loading the map…',
    unavailable: 'Map data unavailable; retrying…',
    children: {
      street: '{n} streets',
      community: '{n} communities',
      grid: '{n} grids',
      microgrid: '{n} micro-grids',
    },
    breadcrumb: 'Hierarchy',
    allMicrogrids: 'All micro-grids',
    loadingTier: 'Loading {level}…',
    tierUnavailable: '{level} data unavailable',
  },
  level: {
    district: 'district',
    street: 'streets',
    community: 'communities',
    grid: 'grids',
    microgrid: 'micro-grids',
  },
  feed: {
    title: 'Live events',
    empty: 'No events yet',
    outside: 'Outside the district',
    unlocated: 'Not located',
  },
  source: {
    incident: 'Grid workers',
    sensor: 'IoT sensors',
    detection: 'AI cameras',
    hotline: '12345 hotline',
    cap: 'Warnings',
  },
  severity: {
    extreme: 'Extreme',
    severe: 'Severe',
    moderate: 'Moderate',
    minor: 'Minor',
  },
}

export const messages = { 'zh-CN': zhCN, en }
