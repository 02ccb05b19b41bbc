/** One label–value line of the detail drawer (`DrawerFields.vue`). */
export interface FieldRow {
  key: string
  label: string
  /** Lines whose value is null, undefined or empty are left out. */
  value: string | null | undefined
  /** Highlight the value (state, alarm status…). */
  tone?: 'alert' | 'warn' | 'ok' | 'muted'
}
