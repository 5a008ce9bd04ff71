import { Select, type SelectProps } from '@/components/ui/select'
import { isThemePreference, THEME_LABELS, THEME_PREFERENCES, useThemeActions, useThemePreference } from '@/stores/theme'

/** Light, dark, or follow the system; remembered in this browser. */
export function ThemeControl({ hideLabel = false }: { hideLabel?: SelectProps['hideLabel'] }) {
  const preference = useThemePreference()
  const { themeChosen } = useThemeActions()
  return (
    <Select
      label="Theme"
      hideLabel={hideLabel}
      inline
      value={preference}
      onChange={(e) => {
        if (isThemePreference(e.target.value)) themeChosen(e.target.value)
      }}
    >
      {THEME_PREFERENCES.map((p) => (
        <option key={p} value={p}>
          {THEME_LABELS[p]}
        </option>
      ))}
    </Select>
  )
}
