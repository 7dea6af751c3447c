import { useEffect, useRef, useState } from 'react';
import { addShape, canRedo, canUndo, hasChanges, redo, setCrop, startHistory, undo, type AnnotationDoc } from '../lib/annotate/history';
import { ANNOTATION_COLOURS, type AnnotationColour, type Size, type Tool } from '../lib/annotate/shapes';
import { editorCommand } from './annotate-keys';
import { AnnotateToolbar } from './AnnotateToolbar';
import { AnnotationSurface } from './AnnotationSurface';

/**
 * Draw on a screenshot: box, arrow, text label, highlight and crop, with undo
 * and redo and a shortcut for each (./annotate-keys.ts). Esc leaves (a label
 * being typed first). Saving hands the drawing to the viewer, which stores a
 * new annotated copy; the original is never changed.
 */
export function AnnotateEditor({
  url,
  alt,
  natural,
  busy,
  onSave,
  onExit,
}: {
  url: string;
  alt: string;
  natural: Size;
  busy: boolean;
  onSave: (doc: AnnotationDoc) => void;
  onExit: () => void;
}) {
  const [history, setHistory] = useState(startHistory);
  const [tool, setTool] = useState<Tool>('box');
  const [colour, setColour] = useState<AnnotationColour>(ANNOTATION_COLOURS[0].value);
  const [message, setMessage] = useState<string | null>(null);
  const editor = useRef<HTMLDivElement>(null);

  // Shortcuts work straight away, without a click into the editor first.
  useEffect(() => editor.current?.focus(), []);

  const change = (next: typeof history) => {
    setMessage(null);
    setHistory(next);
  };

  return (
    <div
      ref={editor}
      className="annotate-editor"
      role="region"
      aria-label="Annotate"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.target instanceof HTMLInputElement) return;
        const command = editorCommand(e);
        if (!command) return;
        // Handled here: the dialog must not also treat Esc as "close the viewer".
        e.preventDefault();
        e.stopPropagation();
        if (busy) return;
        if (command.type === 'exit') onExit();
        else if (command.type === 'undo') change(undo(history));
        else if (command.type === 'redo') change(redo(history));
        else if (command.type === 'tool') setTool(command.tool);
        else setColour(command.colour);
      }}
    >
      <AnnotateToolbar
        tool={tool}
        colour={colour}
        canUndo={canUndo(history)}
        canRedo={canRedo(history)}
        canSave={hasChanges(history.present)}
        busy={busy}
        onTool={setTool}
        onColour={setColour}
        onUndo={() => change(undo(history))}
        onRedo={() => change(redo(history))}
        onExit={onExit}
        onSave={() => onSave(history.present)}
      />
      <p className="visually-hidden" role="status">
        {history.present.shapes.length === 1 ? '1 shape drawn' : `${history.present.shapes.length} shapes drawn`}
        {history.present.crop ? `, cropped to ${history.present.crop.width} × ${history.present.crop.height}.` : '.'}
      </p>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <AnnotationSurface
        url={url}
        alt={alt}
        natural={natural}
        doc={history.present}
        tool={tool}
        colour={colour}
        onShape={(shape) => change(addShape(history, shape))}
        onCrop={(crop) => change(setCrop(history, crop))}
        onRefuse={setMessage}
        onLabelDone={() => editor.current?.focus()}
      />
    </div>
  );
}
