import type { Incident } from '@/api/schemas'
import { Panel } from '@/components/ui/panel'
import { NoteForm } from './note-form'

export function NotePanel({ incident }: { incident: Incident }) {
  return (
    <Panel title="Add a note">
      <NoteForm incidentId={incident.id} />
    </Panel>
  )
}
