/** The label beside every value an admin deployed (lib/settings/managed-settings.ts): shown, not editable here. */
export function SetByOrganisation() {
  return <span className="badge">Set by your organisation</span>;
}
