import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import { COMPONENTS, COMPONENT_LABELS } from '@/domain/catalog'
import { STATUS_LABELS } from '@/domain/incident-status'
import { STATUS_FILTERS, UNASSIGNED, type IncidentFilters, type StatusFilter } from './incident-filters'
import { SearchBox } from './search-box'

export interface Option {
  value: string
  label: string
}

const STATUS_OPTIONS: Option[] = STATUS_FILTERS.map((s: StatusFilter) => ({
  value: s,
  label: s === 'open' ? 'Open' : s === 'all' ? 'All' : STATUS_LABELS[s],
}))

const SERVICE_OPTIONS: Option[] = COMPONENTS.map((c) => ({ value: c, label: COMPONENT_LABELS[c] }))

/**
 * A native select over a list filter. The URL may hold several values (`?status=open,closed`)
 * or one no option names; the select then shows that choice as it is, so it never lies.
 */
function ListSelect({
  label,
  emptyLabel,
  options,
  selected,
  onChange,
}: {
  label: string
  emptyLabel: string
  options: readonly Option[]
  selected: readonly string[]
  onChange: (next: string[]) => void
}) {
  const value = selected.join(',')
  const listed = selected.length === 0 || (selected.length === 1 && options.some((o) => o.value === value))
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v
  return (
    <Select
      label={label}
      value={value}
      onChange={(e) => {
        onChange(e.target.value === '' ? [] : e.target.value.split(','))
      }}
    >
      <option value="">{emptyLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {!listed && <option value={value}>{selected.map(labelOf).join(' or ')}</option>}
    </Select>
  )
}

export function FilterBar({
  filters,
  people,
  extraServices,
  onChange,
  onSearch,
  onClear,
  canClear,
}: {
  filters: IncidentFilters
  /** The roster, for the assignee filter. */
  people: readonly Option[]
  /** Services the incidents name that the catalog does not know, so they can be chosen too. */
  extraServices: readonly string[]
  onChange: (change: Partial<IncidentFilters>) => void
  /** Stable across renders: the search box's debounce restarts when it changes. */
  onSearch: (q: string) => void
  onClear: () => void
  canClear: boolean
}) {
  const services = [...SERVICE_OPTIONS, ...extraServices.map((s) => ({ value: s, label: s }))]
  return (
    <div className="flex flex-wrap items-end gap-3">
      <ListSelect
        label="Status"
        emptyLabel="Open + resolved in 24 h"
        options={STATUS_OPTIONS}
        selected={filters.status}
        onChange={(status) => {
          onChange({ status: status as StatusFilter[] })
        }}
      />
      <ListSelect
        label="Service"
        emptyLabel="Any service"
        options={services}
        selected={filters.service}
        onChange={(service) => {
          onChange({ service })
        }}
      />
      <ListSelect
        label="Assignee"
        emptyLabel="Anyone"
        options={[{ value: UNASSIGNED, label: 'Unassigned' }, ...people]}
        selected={filters.assignee}
        onChange={(assignee) => {
          onChange({ assignee })
        }}
      />
      <SearchBox value={filters.q} onCommit={onSearch} />
      {canClear && (
        <Button onClick={onClear} variant="ghost">
          Clear filters
        </Button>
      )}
    </div>
  )
}
