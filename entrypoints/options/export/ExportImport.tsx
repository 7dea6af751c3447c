import { useId, useState, type ChangeEvent } from 'react';
import { useAction } from '../../../components/use-action';
import { getDb, type IncidentDatabase } from '../../../lib/db';
import { exportJson } from '../../../lib/export/json-export';
import { importJson } from '../../../lib/export/json-import';
import { incidentRegister } from '../../../lib/export/register';
import { datedFileName, downloadText, UTF8_BOM } from './download';
import { EvidencePack } from './EvidencePack';
import { importSummary } from './import-summary';

/**
 * Options → "Records and export": the incident register (CSV) and the full
 * export (JSON) that auditors and due diligence ask for, and importing an
 * export into this browser. Exports read IndexedDB directly (this page shares
 * the extension's origin); nothing goes through the background.
 */
export function ExportImport({
  db = getDb(),
  now = Date.now,
  extensionVersion,
}: {
  db?: IncidentDatabase;
  now?: () => number;
  /** The evidence pack's manifest records it; by default the extension's own. */
  extensionVersion?: string;
}) {
  const id = useId();
  const [includeImages, setIncludeImages] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const importer = useAction((text: string) => importJson(db, text, { now }));

  async function download(make: () => Promise<{ name: string; text: string; type: string }>) {
    setExporting(true);
    setExportError(null);
    try {
      const { name, text, type } = await make();
      downloadText(name, text, type);
    } catch (e) {
      setExportError(`The export could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setExporting(false);
    }
  }

  const downloadButton = (label: string, make: Parameters<typeof download>[0]) => (
    <button type="button" disabled={exporting} onClick={() => void download(make)}>
      {label}
    </button>
  );

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setImported(null);
    const result = await importer.run(await file.text());
    if (result) setImported(importSummary(result));
    input.value = ''; // the same file can be chosen again
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Records and export</h2>
      <p className="muted">
        Evidence for audits (SOC 2, ISO 27001) and due diligence. The register lists every incident on this device, one
        row each. The full export holds every event of every timeline and the SHA-256 of each screenshot; it can be
        imported into another browser.
      </p>
      <div>
        {downloadButton('Download incident register (CSV)', async () => ({
          name: datedFileName('incident-register', 'csv', now()),
          text: UTF8_BOM + (await incidentRegister(db)),
          type: 'text/csv;charset=utf-8',
        }))}
      </div>
      <div className="stack">
        <label>
          <input type="checkbox" checked={includeImages} onChange={(e) => setIncludeImages(e.target.checked)} /> Include
          screenshots
        </label>
        <div>
          {downloadButton('Download full export (JSON)', async () => ({
            name: datedFileName('incident-export', 'json', now()),
            text: await exportJson(db, { includeImages, now }),
            type: 'application/json',
          }))}
        </div>
      </div>
      <EvidencePack db={db} now={now} {...(extensionVersion ? { extensionVersion } : {})} />
      {exportError && (
        <p role="alert" className="error">
          {exportError}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-import`}>Import an export file</label>
        <input
          id={`${id}-import`}
          type="file"
          accept=".json,application/json"
          disabled={importer.busy}
          onChange={(e) => void chooseFile(e)}
        />
        <p className="muted">
          Adds the events this browser does not have yet; nothing already here is changed. Imported events stay on this
          device and are not sent to your team.
        </p>
      </div>
      {importer.busy && <p className="muted">Importing…</p>}
      {imported && <p role="status">{imported}</p>}
      {importer.error && (
        <p role="alert" className="error">
          {importer.error.message}
        </p>
      )}
    </section>
  );
}
