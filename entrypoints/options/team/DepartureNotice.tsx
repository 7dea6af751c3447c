import { describeDeparture, type Departure } from '../../../lib/team/team-record';

/** Said plainly, once the team is gone from this device's record: nothing here was deleted. */
export function DepartureNotice({ departure }: { departure: Departure }) {
  return (
    <p role="status" className="card">
      <strong>{describeDeparture(departure)}</strong> Its incidents stay readable on this device; they no longer sync. Join
      or create a team to sync again.
    </p>
  );
}
