import { useState, type FormEvent } from 'react';
import { LeadPicker } from '../../components/LeadPicker';
import { useAction } from '../../components/use-action';
import type { IncidentDatabase } from '../../lib/db/database';
import type { Person } from '../../lib/incidents/queries';

export function HandOver({
  db,
  me,
  current,
  onHandOver,
}: {
  db: IncidentDatabase;
  me: Person;
  current: Person;
  onHandOver: (lead: Person) => Promise<unknown>;
}) {
  const [lead, setLead] = useState<Person | null>(current);
  const handOver = useAction(onHandOver);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (lead) void handOver.run(lead);
    else handOver.setError({ message: "Enter the new lead's name." });
  }
  return (
    <form onSubmit={submit} aria-label="Hand over the lead">
      <LeadPicker db={db} me={me} value={lead} onChange={setLead} label="Lead" />
      <button type="submit" disabled={handOver.busy || lead?.id === current.id}>
        Hand over
      </button>
      {handOver.error && <p className="error" role="alert">{handOver.error.message}</p>}
    </form>
  );
}
