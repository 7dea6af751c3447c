import type { LoadedImage } from './use-screenshot-image';

/** What the viewer says while an image loads, or when it is not here or could not be read. */
export function ImageStatus({ image }: { image: LoadedImage }) {
  if (image.status === 'loading') return <p className="muted">Loading image…</p>;
  if (image.status === 'missing') return <p className="muted">This image is not on this device.</p>;
  if (image.status === 'error') {
    return (
      <p className="error" role="alert">
        {image.message}
      </p>
    );
  }
  return null;
}

/** Fit the image to the viewer, or show it at its own size. */
export function ZoomToggle({ actualSize, onChange }: { actualSize: boolean; onChange: (actualSize: boolean) => void }) {
  return (
    <div className="row" role="group" aria-label="Zoom">
      <button type="button" aria-pressed={!actualSize} onClick={() => onChange(false)}>
        Fit
      </button>
      <button type="button" aria-pressed={actualSize} onClick={() => onChange(true)}>
        Actual size
      </button>
    </div>
  );
}
