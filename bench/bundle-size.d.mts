export interface JsSize {
  files: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}
export function initialJs(outDir: string, page: string): JsSize;
export function allJs(outDir: string, page: string): JsSize;
export function bootThenAppJs(outDir: string, page: string): JsSize;
