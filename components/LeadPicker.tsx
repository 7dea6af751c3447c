import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { IncidentDatabase } from '../lib/db/database';
import { listKnownPeople, type Person } from '../lib/incidents/queries';
import { NAME_MAX } from '../lib/model/limits';
import { teamRecordItem } from '../lib/supabase/team-id';
import { teamMembersOf } from '../lib/supabase/team-members';
import { useStorageItem } from './use-storage-item';

const SOMEONE_ELSE = '__someone-else__';

/**
 * Chooses the lead: me by default, anyone who has led here before, or someone
 * new by name. Reports the choice as { id, name }, or null while "someone else"
 * has no name yet.
 */
export function LeadPicker({
  db,
  me,
  value,
  onChange,
  label = 'Lead',
}: {
  /** Where the people who have led here are read from. */
  db: IncidentDatabase;
  me: Person;
  value: Person | null;
  onChange: (lead: Person | null) => void;
  label?: string;
}) {
  const known = useLiveQuery(() => listKnownPeople(db, me), [db, me.id, me.name]) ?? [me];
  // Former members may not lead; they are left out here.
  const members = useStorageItem(teamRecordItem, { read: teamMembersOf, initial: [] }).filter((m) => !m.former);
  // Teammates first (by name), then anyone else who has led here; me always first.
  const people = [
    me,
    ...members.filter((m) => m.id !== me.id).sort((a, b) => a.name.localeCompare(b.name)),
    ...known.filter((p) => p.id !== me.id && !members.some((m) => m.id === p.id)),
  ];
  const [other, setOther] = useState<{ id: string; name: string } | null>(null);
  const selectId = useId();
  const nameId = useId();
  const selected = other ? SOMEONE_ELSE : (value?.id ?? me.id);

  function choose(id: string) {
    if (id === SOMEONE_ELSE) {
      const fresh = { id: uuidv7(), name: '' };
      setOther(fresh);
      onChange(null);
      return;
    }
    setOther(null);
    const person = people.find((p) => p.id === id) ?? me;
    onChange(person);
  }

  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} value={selected} onChange={(e) => choose(e.target.value)}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id !== me.id ? p.name : p.name ? `Me (${p.name})` : 'Me'}
          </option>
        ))}
        <option value={SOMEONE_ELSE}>Someone else…</option>
      </select>
      {other && (
        <div style={{ marginTop: 8 }}>
          <label htmlFor={nameId}>Lead's name</label>
          <input
            id={nameId}
            type="text"
            autoFocus
            maxLength={NAME_MAX}
            value={other.name}
            onChange={(e) => {
              const next = { ...other, name: e.target.value };
              setOther(next);
              onChange(next.name.trim() ? { id: next.id, name: next.name.trim() } : null);
            }}
          />
        </div>
      )}
    </div>
  );
}
